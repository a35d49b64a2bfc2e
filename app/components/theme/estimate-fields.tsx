import { Field } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

import { NameFields, SelectField, TextAreaField } from './fields.tsx'
import type { FormState } from './theme-form.tsx'

export interface SeriesOption {
  id: number
  nameEn: string
  nameZh: string
  unit: string
}

export type EstimatePrefill = { source?: string; low?: number; high?: number; refersToYear?: number | null }

/** Who made an estimate and when: the same two fields for data exhaustion and for a series. */
export function SourceAndDateFields({
  idPrefix,
  state: { errors, values },
  today,
  source,
  labels,
}: {
  idPrefix: string
  state: FormState
  today: string
  source?: string
  labels: { source: string; estimatedOn: string }
}) {
  return (
    <>
      <Field
        id={`${idPrefix}-source`}
        label={labels.source}
        name="source"
        defaultValue={values.source ?? source ?? ''}
        error={errors.source}
        maxLength={200}
        required
      />
      <Field
        id={`${idPrefix}-estimatedOn`}
        label={labels.estimatedOn}
        name="estimatedOn"
        type="date"
        max={today}
        defaultValue={values.estimatedOn ?? today}
        error={errors.estimatedOn}
        required
      />
    </>
  )
}

/** The fields of one estimate of a series: chosen in the form (adding) or fixed by the row (revising). */
export function SeriesEstimateFields({
  idPrefix,
  state,
  today,
  prefill,
  series,
}: {
  idPrefix: string
  state: FormState
  today: string
  prefill?: EstimatePrefill
  series?: SeriesOption[]
}) {
  const { t, locale } = useI18n()
  const { errors, values } = state
  return (
    <>
      {series ? (
        <SelectField
          id={`${idPrefix}-seriesId`}
          label={t('estimates.series')}
          name="seriesId"
          defaultValue={values.seriesId}
          error={errors.seriesId}
          options={series.map((s) => ({
            value: String(s.id),
            label: t('estimates.seriesWithUnit', { name: localName(locale, s), unit: s.unit }),
          }))}
        />
      ) : null}
      <SourceAndDateFields
        idPrefix={idPrefix}
        state={state}
        today={today}
        source={prefill?.source}
        labels={{ source: t('estimates.source'), estimatedOn: t('estimates.estimatedOn') }}
      />
      <div className="year-pair">
        <Field
          id={`${idPrefix}-valueLow`}
          label={t('estimates.valueLow')}
          name="valueLow"
          type="number"
          step="any"
          min={0}
          defaultValue={values.valueLow ?? prefill?.low ?? ''}
          error={errors.valueLow}
          required
        />
        <Field
          id={`${idPrefix}-valueHigh`}
          label={t('estimates.valueHigh')}
          name="valueHigh"
          type="number"
          step="any"
          min={0}
          defaultValue={values.valueHigh ?? (prefill && prefill.high !== prefill.low ? prefill.high : '')}
          error={errors.valueHigh}
        />
      </div>
      <Field
        id={`${idPrefix}-refersToYear`}
        label={t('estimates.refersToYear')}
        name="refersToYear"
        type="number"
        min={1900}
        max={2200}
        defaultValue={values.refersToYear ?? prefill?.refersToYear ?? ''}
        error={errors.refersToYear}
      />
      <TextAreaField
        id={`${idPrefix}-note`}
        label={t('common.notes')}
        name="note"
        defaultValue={values.note ?? ''}
        error={errors.note}
        rows={2}
        maxLength={2000}
      />
    </>
  )
}

/** The form to add a series: its name in both languages and its unit. */
export function SeriesFields({ state }: { state: FormState }) {
  const { t } = useI18n()
  const { errors, values } = state
  return (
    <>
      <NameFields idPrefix="add-series" errors={errors} defaults={{ nameEn: values.nameEn ?? '', nameZh: values.nameZh ?? '' }} />
      <Field
        id="add-series-unit"
        label={t('estimates.unit')}
        name="unit"
        hint={t('estimates.unitHint')}
        defaultValue={values.unit ?? ''}
        error={errors.unit}
        maxLength={40}
        required
      />
    </>
  )
}
