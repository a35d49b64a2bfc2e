import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z
    .string()
    .min(32, 'SESSION_SECRET must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // The demo team's recent weeks of scores and meetings (seeds/demo/team-history.ts).
  SEED_DEMO_HISTORY: z.enum(['on', 'off']).default('on'),
  // Background work on several instances (README "Scaling out"): how long a job stays with
  // an instance that stopped renewing its lease before another one takes it over (unset:
  // the job runner's default), and how often each instance looks for feeds due for a poll.
  JOB_LEASE_SECONDS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int('JOB_LEASE_SECONDS must be a whole number').min(3).max(3600).optional(),
  ),
  FEED_POLL_SECONDS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int('FEED_POLL_SECONDS must be a whole number').min(1).max(3600).default(60),
  ),
  // Where people reach the app (https://themeradar.example.com): alert messages link there.
  PUBLIC_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, 'PUBLIC_URL must be an http(s) address such as https://themeradar.example.com')
      .transform((url) => url.replace(/(?<!\/)\/+$/, ''))
      .optional(),
  ),
})

export type Env = z.infer<typeof EnvSchema>

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}
