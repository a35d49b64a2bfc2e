import { json } from '@remix-run/node'
import type { z } from 'zod'

// Ordinary forms are small; anything bigger is refused before it is read, with 413.
export const MAX_FORM_BYTES = 1_000_000

export type FieldErrors = Record<string, string>

export interface FormFailure {
  ok: false
  errors: FieldErrors
  values: Record<string, string>
}

const refuse = (key: string, status: number) => json({ ok: false, errors: { form: key }, values: {} } satisfies FormFailure, { status })

async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get('Content-Length') ?? '0')
  if (length > MAX_FORM_BYTES) throw refuse('error.tooLarge', 413)
  const type = request.headers.get('Content-Type') ?? ''
  try {
    if (type.includes('multipart/form-data')) return await request.formData()
    const text = await request.text()
    if (text.length > MAX_FORM_BYTES) throw refuse('error.tooLarge', 413)
    return new URLSearchParams(text) as unknown as FormData
  } catch (error) {
    if (error instanceof Response) throw error
    // A multipart body that does not parse (broken boundary or parts), or one cut off at its
    // limit (the server has answered 413 already): the client's fault, not a 500.
    throw refuse('error.malformedForm', 400)
  }
}

/**
 * Fields holding a NUL character (0x00), refused rather than stripped: PostgreSQL cannot
 * store one in text, no one types it, and a form that silently changed what was sent would
 * hide the problem. File names count too; file contents are the ingest pipeline's business.
 */
function nulFieldErrors(form: FormData): FieldErrors {
  const errors: FieldErrors = {}
  for (const [key, value] of form.entries()) {
    const text = typeof value === 'string' ? value : value.name
    if (text.includes('\0') || key.includes('\0')) errors[key.replaceAll('\0', '')] = 'error.nulCharacter'
  }
  return errors
}

/** What was typed, to show the form again as it was sent (no JavaScript). Secrets are never echoed. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !/password/i.test(key)) values[key] = value.slice(0, 10_000).replaceAll('\0', '')
  }
  return values
}

export type FormResult<T> = { ok: true; data: T; form: FormData } | FormFailure

/**
 * Reads the form and validates it. On failure the action returns the failure with a 400
 * (json(result, { status: 400 })): one message key per field, rendered next to the field.
 */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, form?: FormData): Promise<FormResult<z.output<S>>> {
  const data = form ?? (await readForm(request))
  const nul = nulFieldErrors(data)
  if (Object.keys(nul).length > 0) return { ok: false, errors: nul, values: echoValues(data) }
  const raw = Object.fromEntries(
    [...new Set(data.keys())].map((key) => {
      const all = data.getAll(key)
      return [key, all.length > 1 ? all : all[0]]
    }),
  )
  const result = schema.safeParse(raw)
  if (result.success) return { ok: true, data: result.data, form: data }
  return validationFailure(result.error.issues, echoValues(data))
}

export function badRequest(failure: FormFailure, status = 400) {
  return json(failure, { status })
}

export async function readFormData(request: Request): Promise<FormData> {
  return readForm(request)
}

/**
 * The posted form, or the refusal to return as it is: a body over the size limit is a 413
 * with a message, returned rather than thrown so a fetcher shows it next to the form.
 */
export async function readFormOrRefusal(request: Request): Promise<FormData | Response> {
  try {
    return await readForm(request)
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

const MESSAGE_KEY = /^[a-z][a-zA-Z]*\.[a-zA-Z.]+(\?[\w=&]*)?$/

export function validationFailure(issues: z.core.$ZodIssue[], values: Record<string, string>): FormFailure {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form'
    // Our schemas give message keys; zod's own English messages become a generic key.
    if (!errors[field]) errors[field] = MESSAGE_KEY.test(issue.message) ? issue.message : 'validation.invalid'
  }
  return { ok: false, errors, values }
}

export function formError(field: string, messageKey: string, values: Record<string, string> = {}, status = 400) {
  return json({ ok: false, errors: { [field]: messageKey }, values } satisfies FormFailure, { status })
}
