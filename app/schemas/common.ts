import { z } from 'zod'

// Field errors travel as message keys (optionally with "?name=value" parameters) so the
// page shows them in the reader's language next to the field: see fieldError() in
// app/components/form.tsx.

/**
 * The length a text field may have before it is trimmed or cleaned, checked before any
 * other work (abort: nothing after it runs), so a megabyte in a short field costs nothing.
 * Twice the limit leaves room for CRLF line breaks and the spaces pasted around text.
 */
export function rawText(max: number, params?: { error?: string }) {
  return z.string(params).max(2 * max, { error: `validation.tooLong?max=${max}`, abort: true })
}

export function requiredText(max: number) {
  return rawText(max, { error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: `validation.tooLong?max=${max}` })
}

export function optionalText(max: number) {
  return rawText(max)
    .trim()
    .max(max, { error: `validation.tooLong?max=${max}` })
    .optional()
    .transform((value) => value ?? '')
}

export const EmailSchema = rawText(254, { error: 'validation.required' })
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
