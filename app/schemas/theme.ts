import { z } from 'zod'

import { IdSchema, optionalText, rawText, requiredText } from './common.ts'
import { EditVersionSchema as version } from './edit-version.ts'

// Forms of the theme pages: creating a theme (/themes/new) and every inline edit on the
// theme page (one hidden `intent` per form). Field errors are i18n message keys.

export const THESIS_MAX = 100_000
export const SLUG_MAX = 63
// "new" is a page of its own (/themes/new), so no theme may take that address.
export const RESERVED_THEME_SLUGS = ['new']
export const THEME_STANCES = ['positive', 'neutral', 'cautious', 'negative'] as const
// Archiving has its own button; the status picker offers the two working states.
export const WORKING_STATUSES = ['active', 'watching'] as const
export const AUDIENCES = ['2B', '2C'] as const
export const COMPANY_ROLES = ['driver', 'enabler', 'beneficiary'] as const
export const EXPOSURES = ['high', 'medium', 'low'] as const
export const POINT_KINDS = ['risk', 'catalyst'] as const
/** The parts the history tab can be narrowed to (the model maps each to audit actions). */
export const HISTORY_PARTS = ['thesis', 'details', 'points', 'segments', 'companies', 'data'] as const
export type HistoryPart = (typeof HISTORY_PARTS)[number]

/** A URL slug from an English name: "Multimodal AI" -> "multimodal-ai". '' when nothing is left. */
export function suggestSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      // The lookbehinds start a trailing run at its first "-", so no run is rescanned.
      .replace(/^-+|(?<!-)-+$/g, '')
      .slice(0, SLUG_MAX)
      .replace(/(?<!-)-+$/, '')
  )
}

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.choice' })

// Browsers post textarea line breaks as CRLF; stored text uses LF so history diffs stay clean.
const thesis = rawText(THESIS_MAX)
  .optional()
  .transform((value) => (value ?? '').replace(/\r\n?/g, '\n'))
  .pipe(z.string().max(THESIS_MAX, { error: `validation.tooLong?max=${THESIS_MAX}` }))
// The Chinese thesis: a form without the field leaves the saved one as it is (undefined).
const thesisZh = rawText(THESIS_MAX)
  .optional()
  .transform((value) => value?.replace(/\r\n?/g, '\n'))
  .pipe(
    z
      .string()
      .max(THESIS_MAX, { error: `validation.tooLong?max=${THESIS_MAX}` })
      .optional(),
  )

const optionalId = z
  .union([z.literal(''), IdSchema])
  .optional()
  .transform((value) => (value ? value : null))

const isoDate = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'themeEdit.dateInvalid' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'themeEdit.dateInvalid',
  })

const optionalDate = z
  .union([z.literal(''), isoDate])
  .optional()
  .transform((value) => (value ? value : null))

const year = z.coerce
  .number({ error: 'themeEdit.yearInvalid' })
  .int({ error: 'themeEdit.yearInvalid' })
  .min(2000, { error: 'themeEdit.yearInvalid' })
  .max(2200, { error: 'themeEdit.yearInvalid' })

const themeFields = {
  nameEn: requiredText(200),
  nameZh: requiredText(200),
  summaryEn: optionalText(1000),
  summaryZh: optionalText(1000),
  stance: choice(THEME_STANCES),
  status: choice(WORKING_STATUSES),
  parentId: optionalId,
}

function slugProblem(slug: string): string | null {
  if (!slug) return 'validation.required'
  if (slug.length > SLUG_MAX) return `validation.tooLong?max=${SLUG_MAX}`
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) return 'themeEdit.slugInvalid'
  if (RESERVED_THEME_SLUGS.includes(slug)) return 'themeEdit.slugReserved'
  return null
}

// A typed slug is checked as a field (so its message shows with the others); an empty one
// is derived from the English name, as the browser pre-fills it when JavaScript runs.
const typedSlug = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim().toLowerCase())
  .superRefine((slug, ctx) => {
    const problem = slug ? slugProblem(slug) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const ThemeCreateSchema = z
  .object({ ...themeFields, slug: typedSlug, thesisMd: thesis, thesisZhMd: thesis })
  .transform((input, ctx) => {
    const slug = input.slug || suggestSlug(input.nameEn)
    const problem = slugProblem(slug)
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: problem })
      return z.NEVER
    }
    return { ...input, slug }
  })
export type ThemeCreate = z.output<typeof ThemeCreateSchema>

const pointText = { textEn: optionalText(2000), textZh: optionalText(2000), expectedOn: optionalDate }
const needsText = (p: { textEn: string; textZh: string }) => p.textEn.length > 0 || p.textZh.length > 0
const needsTextIssue = { error: 'themeEdit.pointTextRequired', path: ['textEn'] }

const segmentFields = {
  audience: choice(AUDIENCES),
  nameEn: requiredText(200),
  nameZh: requiredText(200),
  noteEn: optionalText(2000),
  noteZh: optionalText(2000),
}

const companyIdentifier = requiredText(200)

export const ThemeEditSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('details'), ...themeFields, version }),
    z.object({ intent: z.literal('thesis'), thesisMd: thesis, thesisZhMd: thesisZh, version }),
    z.object({ intent: z.literal('preview'), thesisMd: thesis, thesisZhMd: thesisZh }),
    z.object({ intent: z.literal('archive') }),
    z.object({ intent: z.literal('unarchive') }),
    z.object({ intent: z.literal('addPoint'), kind: choice(POINT_KINDS), ...pointText }).refine(needsText, needsTextIssue),
    z.object({ intent: z.literal('editPoint'), pointId: IdSchema, ...pointText, version }).refine(needsText, needsTextIssue),
    z.object({ intent: z.literal('removePoint'), pointId: IdSchema }),
    z.object({ intent: z.literal('movePoint'), pointId: IdSchema, direction: choice(['up', 'down'] as const) }),
    z.object({ intent: z.literal('addSegment'), ...segmentFields }),
    z.object({ intent: z.literal('editSegment'), segmentId: IdSchema, ...segmentFields, version }),
    z.object({ intent: z.literal('removeSegment'), segmentId: IdSchema }),
    z.object({ intent: z.literal('linkSegmentCompany'), segmentId: IdSchema, company: companyIdentifier }),
    z.object({ intent: z.literal('unlinkSegmentCompany'), segmentId: IdSchema, companyId: IdSchema }),
    z.object({
      intent: z.literal('linkCompany'),
      company: companyIdentifier,
      role: choice(COMPANY_ROLES),
      exposure: choice(EXPOSURES),
      note: optionalText(2000),
      // Why the company belongs to the theme: asked for every new member (decision 039).
      reason: requiredText(2000),
    }),
    z.object({
      intent: z.literal('editCompany'),
      companyId: IdSchema,
      role: choice(COMPANY_ROLES),
      exposure: choice(EXPOSURES),
      note: optionalText(2000),
      reason: optionalText(2000),
    }),
    z.object({ intent: z.literal('unlinkCompany'), companyId: IdSchema }),
    z.object({ intent: z.literal('addStock'), nameEn: requiredText(200), nameZh: requiredText(200) }),
    z
      .object({
        intent: z.literal('addEstimate'),
        stockId: IdSchema,
        source: requiredText(200),
        estimatedOn: isoDate.refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 86_400_000, {
          error: 'themeEdit.dateInFuture',
        }),
        yearFrom: year,
        yearTo: year,
        note: optionalText(2000),
      })
      .refine((e) => e.yearTo >= e.yearFrom, { error: 'themeEdit.yearOrder', path: ['yearTo'] }),
  ],
  { error: 'validation.invalid' },
)
export type ThemeEdit = z.output<typeof ThemeEditSchema>

/** The History tab's filter and paging; a bad value is ignored, not refused. */
export const ThemeHistoryQuerySchema = z.object({
  part: z.enum(HISTORY_PARTS).optional().catch(undefined),
  before: IdSchema.optional().catch(undefined),
})
