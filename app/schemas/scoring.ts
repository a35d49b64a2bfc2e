import { z } from 'zod'

import { DISAGREEMENT_RULES, MAX_DISAGREEMENT_SPREAD, MIN_DISAGREEMENT_SPREAD } from '#app/scoring/consensus.ts'
import { parseIsoWeek } from '#app/utils/iso-week.ts'

import { IdSchema, optionalText, rawText, requiredText } from './common.ts'

// Forms and query strings of the scoring pages. Field errors are i18n message keys.

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/
export const REASON_MAX = 500

export const SlugSchema = z.string({ error: 'validation.required' }).regex(SLUG_PATTERN, { error: 'scoring.slugInvalid' })
export const IsoWeekSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .refine((value) => parseIsoWeek(value) !== null, { error: 'scoring.weekInvalid' })

/** Form values arrive as one string or, repeated, as an array; always give an array of ids. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== ''))
  .refine((list) => list.every((v) => IdSchema.safeParse(v).success), { error: 'scoring.error.evidenceNotFound' })
  .transform((list) => list.map(Number))

// One line: a run of white space with a line break in it (from a pasted paragraph) becomes
// one space. A run is matched whole from its start, never rescanned from inside it as
// /\s*[\r\n]\s*/g did (quadratic on a long run of spaces without a break).
const reason = rawText(REASON_MAX)
  .optional()
  .transform((value) => (value ?? '').replace(/\s+/g, (run) => (run.includes('\n') || run.includes('\r') ? ' ' : run)).trim())
  .pipe(z.string().max(REASON_MAX, { error: `validation.tooLong?max=${REASON_MAX}` }))

const level = z.coerce
  .number({ error: 'scoring.levelInvalid' })
  .int({ error: 'scoring.levelInvalid' })
  .min(1, { error: 'scoring.levelInvalid' })
  .max(20, { error: 'scoring.levelInvalid' })

export const ScoreFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('score'),
      modality: SlugSchema,
      dimension: SlugSchema,
      week: IsoWeekSchema,
      level,
      reason,
      documentId: idList,
      mentionId: idList,
    }),
    z.object({ intent: z.literal('withdraw'), modality: SlugSchema, dimension: SlugSchema, week: IsoWeekSchema, reason }),
    z.object({ intent: z.literal('reopen'), week: IsoWeekSchema }),
    z.object({ intent: z.literal('relock'), week: IsoWeekSchema }),
  ],
  { error: 'validation.invalid' },
)

/** The team's disagreement rule on the settings page (app/scoring/consensus.ts). */
export const DisagreementRuleFormSchema = z.object({
  intent: z.literal('disagreementRule'),
  rule: z.enum(DISAGREEMENT_RULES, { error: 'consensus.settings.invalid' }),
})

export const SourceScoreFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('add'),
      modality: SlugSchema,
      dimension: SlugSchema,
      source: requiredText(200),
      publishedOn: z
        .string({ error: 'validation.required' })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'scoring.dateInvalid' })
        .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
          error: 'scoring.dateInvalid',
        }),
      level,
      note: optionalText(2000),
      documentId: z
        .union([z.literal(''), IdSchema])
        .optional()
        .transform((v) => (v === '' || v === undefined ? null : v)),
    }),
    z.object({ intent: z.literal('delete'), id: IdSchema }),
  ],
  { error: 'validation.invalid' },
)

const stringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

/** The rubric edit form: one row of four fields per level; a trailing row left blank is dropped. */
export const RubricEditSchema = z
  .object({
    nameEn: requiredText(200),
    nameZh: requiredText(200),
    levelNameEn: stringList,
    levelNameZh: stringList,
    levelDescriptionEn: stringList,
    levelDescriptionZh: stringList,
  })
  .transform((form, ctx) => {
    const n = form.levelNameEn.length
    if ([form.levelNameZh, form.levelDescriptionEn, form.levelDescriptionZh].some((list) => list.length !== n)) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'scoring.levelsInvalid' })
      return z.NEVER
    }
    const rows = form.levelNameEn.map((_, i) => ({
      nameEn: (form.levelNameEn[i] ?? '').trim(),
      nameZh: (form.levelNameZh[i] ?? '').trim(),
      descriptionEn: (form.levelDescriptionEn[i] ?? '').trim(),
      descriptionZh: (form.levelDescriptionZh[i] ?? '').trim(),
    }))
    while (rows.length && Object.values(rows[rows.length - 1]).every((v) => v === '')) rows.pop()
    const bad = rows.findIndex(
      (r) =>
        r.nameEn === '' ||
        r.nameZh === '' ||
        r.nameEn.length > 100 ||
        r.nameZh.length > 100 ||
        r.descriptionEn.length > 2000 ||
        r.descriptionZh.length > 2000,
    )
    if (bad >= 0 || rows.length < 2 || rows.length > 20) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: bad >= 0 ? `scoring.levelRowInvalid?level=${bad + 1}` : 'scoring.levelsInvalid',
      })
      return z.NEVER
    }
    return { nameEn: form.nameEn, nameZh: form.nameZh, levels: rows }
  })

export const ScoringAdminSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('createRubric'),
      slug: SlugSchema,
      nameEn: requiredText(200),
      nameZh: requiredText(200),
      copyFromId: IdSchema,
    }),
    z.object({ intent: z.literal('themeRubric'), themeId: IdSchema, rubricId: IdSchema }),
    z.object({
      intent: z.literal('threshold'),
      threshold: z.coerce
        .number({ error: 'validation.invalid' })
        .int({ error: 'scoring.thresholdInvalid' })
        .min(MIN_DISAGREEMENT_SPREAD, { error: 'scoring.thresholdInvalid' })
        .max(MAX_DISAGREEMENT_SPREAD, { error: 'scoring.thresholdInvalid' }),
    }),
  ],
  { error: 'validation.invalid' },
)

export const RANGES = ['12', '26', '52', '104', '260', 'all'] as const
export type Range = (typeof RANGES)[number]
