import { z } from 'zod'

import { IdSchema, optionalText } from './common.ts'

// Forms of the feeds page and the admin's allowed-hosts setting.

export const FeedUrlSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  // abort: the URL parser below is not given a megabyte.
  .max(2000, { error: 'validation.tooLong?max=2000', abort: true })
  .refine(
    (value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname)
      } catch {
        return false
      }
    },
    { error: 'feeds.urlInvalid' },
  )
  // The stored form is the normalised one, so the same feed typed twice is one row.
  .transform((value) => new URL(value).href)

export const IntervalSchema = z.coerce
  .number({ error: 'feeds.intervalRange' })
  .int({ error: 'feeds.intervalRange' })
  .min(5, { error: 'feeds.intervalRange' })
  .max(10080, { error: 'feeds.intervalRange' })

export const FeedActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('add'), url: FeedUrlSchema, title: optionalText(200), intervalMinutes: IntervalSchema }),
    z.object({ intent: z.literal('interval'), feedId: IdSchema, intervalMinutes: IntervalSchema }),
    z.object({ intent: z.literal('pause'), feedId: IdSchema }),
    z.object({ intent: z.literal('resume'), feedId: IdSchema }),
    z.object({ intent: z.literal('remove'), feedId: IdSchema }),
    z.object({ intent: z.literal('poll'), feedId: IdSchema }),
  ],
  { error: 'validation.invalid' },
)

// A DNS name: labels of letters, digits and inner hyphens; no scheme, port, path or wildcard.
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

export const AllowedHostsFormSchema = z.object({
  hosts: z
    .string()
    .max(20_000, { error: 'validation.tooLong?max=20000' })
    .optional()
    .transform((v) => v ?? ''),
})

/**
 * "One host per line" -> the list, or the first bad line as a message key with the line
 * in it (checked here rather than in zod: the key carries a parameter zod would drop).
 */
export function parseAllowedHosts(text: string): { ok: true; hosts: string[] } | { ok: false; error: string } {
  const hosts = text
    .split(/\r?\n/)
    .map((line) => line.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean)
  const bad = hosts.find((h) => !HOSTNAME.test(h))
  if (bad) return { ok: false, error: `feeds.admin.invalidHost?${new URLSearchParams({ host: bad.slice(0, 80) })}` }
  if (hosts.length > 50) return { ok: false, error: 'feeds.admin.tooMany' }
  return { ok: true, hosts: [...new Set(hosts)] }
}
