import { z } from 'zod'

// Field errors travel as message keys (optionally with "?name=value" parameters) so the
// page shows them in the reader's language next to the field: see fieldError() in
// app/components/form.tsx.
export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: `validation.tooLong?max=${max}` })
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `validation.tooLong?max=${max}` })
    .optional()
    .transform((value) => value ?? '')
}

export const EmailSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong?max=254' })
  .pipe(z.email({ error: 'validation.email' }))
  .transform((email) => email.toLowerCase())

export const NewPasswordSchema = z
  .string({ error: 'validation.required' })
  .min(12, { error: 'validation.passwordShort' })
  .max(200, { error: 'validation.passwordLong' })

export const RoleSchema = z.enum(['admin', 'analyst', 'viewer'], { error: 'validation.choice' })
export const LocaleSchema = z.enum(['zh-CN', 'en'], { error: 'validation.choice' })
export const IdSchema = z.coerce
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .positive({ error: 'validation.invalid' })
  .max(2_147_483_647, { error: 'validation.invalid' })
