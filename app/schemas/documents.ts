import { z } from 'zod'

import { isValidIsoDate } from '#app/ingest/dates.ts'
import { MAX_FIELD_BYTES } from '#app/ingest/limits.ts'

import { IdSchema, optionalText, requiredText } from './common.ts'

// The documents page's forms and filters.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined)

/** The list's filters. One that does not parse is ignored rather than refused: the list still shows. */
export const DocumentFiltersSchema = z.object({
  q: optional(z.string().trim().max(200)),
  language: optional(z.enum(['zh', 'en', 'mixed'])),
  company: optional(IdSchema),
  theme: optional(IdSchema),
  tag: optional(z.string().trim().max(50)),
  publisher: optional(z.string().trim().max(200)),
  /** The ISO week a document counts in (an alert's or a mover's week). */
  week: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^\d{4}-W\d{2}$/),
  ),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
})
export type DocumentFiltersInput = z.output<typeof DocumentFiltersSchema>

// The pattern alone lets 2026-02-30 and 0000-00-00 through, which PostgreSQL then refuses (a 500).
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'documents.refused.invalidDate' })
  .refine(isValidIsoDate, { error: 'documents.refused.invalidDate' })
const MetadataFields = {
  publisher: optionalText(200),
  publishedOn: z.union([z.literal(''), isoDate]).optional(),
  tags: optionalText(1000),
  themeIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(IdSchema).max(50)),
}
const required = { error: 'validation.required' } as const

export const AddDocumentsSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('upload'), ...MetadataFields }),
    z.object({
      intent: z.literal('paste'),
      title: z.string(required).trim().min(1, required).max(500, { error: 'validation.tooLong?max=500' }),
      // A field of more characters has more bytes than the upload handler lets through.
      text: z
        .string(required)
        .max(MAX_FIELD_BYTES, { error: `validation.tooLong?max=${MAX_FIELD_BYTES}`, abort: true })
        .refine((s) => s.trim().length > 0, required),
      ...MetadataFields,
    }),
    z.object({
      intent: z.literal('url'),
      url: z.string(required).trim().min(1, required).max(2000, { error: 'validation.tooLong?max=2000' }),
      ...MetadataFields,
    }),
    z.object({ intent: z.literal('rescan') }),
  ],
  { error: 'validation.choice' },
)

export const DocumentActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('delete') }),
    z.object({
      intent: z.literal('edit'),
      title: requiredText(500),
      ...MetadataFields,
    }),
  ],
  { error: 'validation.choice' },
)
