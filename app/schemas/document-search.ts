import { z } from 'zod'

import { isValidIsoDate } from '#app/ingest/dates.ts'

// Document search's parameters on /search (issue 13 section 3). The query itself is not
// cut here: the model refuses one that is too long with a message (a 400), instead of
// silently searching its start. A filter that does not parse is left out, as on /documents.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined)

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isValidIsoDate)

/** Pages past this are refused by the model too (decision 028). */
export const DOCUMENT_SEARCH_PAGES = 50

export const DocumentSearchParamsSchema = z.object({
  // Bounded before anything reads it: 10,000 quotes are refused by length, never parsed.
  q: z
    .string()
    .optional()
    .transform((q) => (q ?? '').slice(0, 1_000).trim()),
  /** A company's name, alias or ticker: documents that mention it. */
  company: optional(z.string().trim().max(100)),
  publisher: optional(z.string().trim().max(200)),
  language: optional(z.enum(['zh', 'en', 'mixed'])),
  theme: optional(z.string().trim().max(100)),
  from: optional(isoDate),
  to: optional(isoDate),
  page: optional(z.coerce.number().int().min(1).max(DOCUMENT_SEARCH_PAGES)),
})
export type DocumentSearchParams = z.output<typeof DocumentSearchParamsSchema>
