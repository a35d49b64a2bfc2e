import { z } from 'zod'

import { EmailSchema, IdSchema, LocaleSchema, NewPasswordSchema, requiredText, RoleSchema } from './common.ts'

/** A password being checked (not chosen): any length the new-password rule allows. */
const GivenPasswordSchema = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(200, { error: 'validation.passwordLong' })

export const SignInSchema = z.object({
  email: EmailSchema,
  password: GivenPasswordSchema,
  redirectTo: z.string().max(2000).optional(),
})

// Beyond length, the server refuses common, patterned and personal passwords
// (app/models/account/password-policy.server.ts); the message shows next to `password`.
const NewPasswordTwiceSchema = z
  .object({ password: NewPasswordSchema, confirmPassword: z.string({ error: 'validation.required' }).max(200) })
  .refine((form) => form.password === form.confirmPassword, { path: ['confirmPassword'], error: 'auth.passwordMismatch' })

export const ChangePasswordSchema = z.intersection(z.object({ currentPassword: GivenPasswordSchema }), NewPasswordTwiceSchema)

export const ResetPasswordSchema = NewPasswordTwiceSchema

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
    z.object({ intent: z.literal('resetLink'), userId: IdSchema }),
  ],
  { error: 'validation.invalid' },
)
