import { z } from 'zod'

import { EmailSchema, IdSchema, LocaleSchema, NewPasswordSchema, requiredText, RoleSchema } from './common.ts'

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(200, { error: 'validation.passwordLong' }),
  redirectTo: z.string().max(2000).optional(),
})

export const SetupSchema = z.object({
  email: EmailSchema,
  displayName: requiredText(100),
  password: NewPasswordSchema,
})

export const AcceptInviteSchema = z.object({
  displayName: requiredText(100),
  password: NewPasswordSchema,
})

export const LanguageSchema = z.object({
  locale: LocaleSchema,
  redirectTo: z.string().max(2000).optional(),
})

export const UserAdminSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('invite'), email: EmailSchema, role: RoleSchema }),
    z.object({ intent: z.literal('changeRole'), userId: IdSchema, role: RoleSchema }),
    z.object({ intent: z.literal('disable'), userId: IdSchema }),
    z.object({ intent: z.literal('enable'), userId: IdSchema }),
    z.object({ intent: z.literal('revokeInvite'), inviteId: IdSchema }),
  ],
  { error: 'validation.invalid' },
)
