import { z } from 'zod'

import { IdSchema, optionalText, requiredText } from './common.ts'

// Forms of the theme page's "Estimates" section: a series (name in both languages, unit)
// and an estimate of it (a value or a low-high range, by source). Field errors are i18n keys.

/** A unit of "%" makes the series a share: its values lie between 0 and 100. */
export const isShareUnit = (unit: string) => unit.trim() === '%'

const isoDate = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'themeEdit.dateInvalid' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'themeEdit.dateInvalid',
  })
  .refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 86_400_000, { error: 'themeEdit.dateInFuture' })

const amount = z.coerce
  .number({ error: 'estimates.valueInvalid' })
  .refine(Number.isFinite, { error: 'estimates.valueInvalid' })
  .min(0, { error: 'estimates.valueNegative' })
  .max(1e15, { error: 'estimates.valueInvalid' })

// An empty "high" means a single value rather than a range.
const optionalAmount = z.preprocess((value) => (value === '' || value == null ? undefined : value), amount.optional())
const optionalYear = z.preprocess(
  (value) => (value === '' || value == null ? undefined : value),
  z.coerce
    .number({ error: 'themeEdit.yearInvalid' })
    .int({ error: 'themeEdit.yearInvalid' })
    .min(1900, { error: 'themeEdit.yearInvalid' })
    .max(2200, { error: 'themeEdit.yearInvalid' })
    .optional(),
)

export const EstimateSeriesEditSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('addSeries'), nameEn: requiredText(200), nameZh: requiredText(200), unit: requiredText(40) }),
    z
      .object({
        intent: z.literal('addSeriesEstimate'),
        seriesId: IdSchema,
        source: requiredText(200),
        estimatedOn: isoDate,
        valueLow: amount,
        valueHigh: optionalAmount,
        refersToYear: optionalYear,
        note: optionalText(2000),
      })
      .refine((e) => (e.valueHigh ?? e.valueLow) >= e.valueLow, { error: 'estimates.rangeOrder', path: ['valueHigh'] }),
  ],
  { error: 'validation.invalid' },
)
export type EstimateSeriesEdit = z.output<typeof EstimateSeriesEditSchema>
export const ESTIMATE_SERIES_INTENTS: readonly string[] = ['addSeries', 'addSeriesEstimate']
