import { DataExhaustionChart } from '#app/components/charts/data-exhaustion-chart.tsx'
import { Field } from '#app/components/form.tsx'
import { formatDate, localName, useI18n } from '#app/i18n/index.ts'

import { SourceAndDateFields } from './estimate-fields.tsx'
import { EstimateRevisions, type StockWithEstimates } from './estimate-revisions.tsx'
import { NameFields, SelectField, TextAreaField } from './fields.tsx'
import { type FormState, InlineEditForm } from './theme-form.tsx'

export interface CurrentEstimate {
  id: number
  stockId: number
  nameEn: string
  nameZh: string
  source: string
  estimatedOn: string
  yearFrom: number
  yearTo: number
  note: string
}

type Prefill = { source?: string; yearFrom?: number; yearTo?: number }

function EstimateFields({
  idPrefix,
  state,
  today,
  prefill,
  stocks,
}: {
  idPrefix: string
  state: FormState
  today: string
  prefill?: Prefill
  stocks?: StockWithEstimates[]
}) {
  const { t, locale } = useI18n()
  const { errors, values } = state
  return (
    <>
      {stocks ? (
        <SelectField
          id={`${idPrefix}-stockId`}
          label={t('theme.dataStock')}
          name="stockId"
          defaultValue={values.stockId}
          error={errors.stockId}
          options={stocks.map((s) => ({ value: String(s.id), label: localName(locale, s) }))}
        />
      ) : null}
      <SourceAndDateFields
        idPrefix={idPrefix}
        state={state}
        today={today}
        source={prefill?.source}
        labels={{ source: t('theme.estimateSource'), estimatedOn: t('theme.estimatedOn') }}
      />
      <div className="year-pair">
        <Field
          id={`${idPrefix}-yearFrom`}
          label={t('themeEdit.yearFrom')}
          name="yearFrom"
          type="number"
          min={2000}
          max={2200}
          defaultValue={values.yearFrom ?? prefill?.yearFrom ?? ''}
          error={errors.yearFrom}
          required
        />
        <Field
          id={`${idPrefix}-yearTo`}
          label={t('themeEdit.yearTo')}
          name="yearTo"
          type="number"
          min={2000}
          max={2200}
          defaultValue={values.yearTo ?? prefill?.yearTo ?? ''}
          error={errors.yearTo}
          required
        />
      </div>
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

/** Current estimates on a chart against today, each revisable, and how they moved over time. */
export function DataExhaustionSection({
  current,
  stocks,
  today,
  canEdit,
}: {
  current: CurrentEstimate[]
  stocks: StockWithEstimates[]
  today: string
  canEdit: boolean
}) {
  const { t, locale } = useI18n()
  const rows = current.map((e) => ({
    key: String(e.stockId),
    label: localName(locale, e),
    source: e.source,
    yearFrom: e.yearFrom,
    yearTo: e.yearTo,
    detail: `${e.source}, ${formatDate(locale, e.estimatedOn)}`,
  }))
  // One row per stock and source: the stock's name spans its sources' rows.
  const spans = new Map<number, number>()
  for (const e of current) spans.set(e.stockId, (spans.get(e.stockId) ?? 0) + 1)
  return (
    <section className="card" aria-labelledby="data-heading">
      <div className="card-heading">
        <h2 id="data-heading">{t('theme.dataExhaustion')}</h2>
        {canEdit ? (
          <span className="item-tools">
            {stocks.length ? (
              <InlineEditForm
                formKey="add-estimate"
                intent="addEstimate"
                summary={t('themeEdit.addEstimate')}
                submitLabel={t('themeEdit.add')}
                resetOnSuccess
                className="popover-edit align-right"
              >
                {(state) => <EstimateFields idPrefix="add-estimate" state={state} today={today} stocks={stocks} />}
              </InlineEditForm>
            ) : null}
            <InlineEditForm
              formKey="add-stock"
              intent="addStock"
              summary={t('themeEdit.addStock')}
              submitLabel={t('themeEdit.add')}
              resetOnSuccess
              className="popover-edit align-right"
            >
              {({ errors, values }) => (
                <>
                  <NameFields
                    idPrefix="add-stock"
                    errors={errors}
                    defaults={{ nameEn: values.nameEn ?? '', nameZh: values.nameZh ?? '' }}
                  />
                </>
              )}
            </InlineEditForm>
          </span>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('themeEdit.noEstimates')}</p>
      ) : (
        <div className="exhaustion-grid">
          <DataExhaustionChart
            locale={locale}
            rows={rows}
            today={today}
            width={540}
            labels={{
              title: t('theme.dataExhaustion'),
              summary: t('themeEdit.chartSummary', { today }),
              today: t('themeEdit.today'),
              stock: t('theme.dataStock'),
              years: t('theme.exhaustedBy'),
              source: t('theme.estimateSource'),
            }}
          />
          <table className="data-table current-estimates">
            <caption className="visually-hidden">{t('themeEdit.currentEstimates')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('theme.dataStock')}</th>
                <th scope="col">{t('theme.estimateSource')}</th>
                <th scope="col">{t('theme.exhaustedBy')}</th>
                {canEdit ? <th scope="col" /> : null}
              </tr>
            </thead>
            <tbody>
              {current.map((e, i) => (
                <tr key={`${e.stockId}-${e.id}`} className={i > 0 && current[i - 1].stockId === e.stockId ? 'same-stock' : undefined}>
                  {i === 0 || current[i - 1].stockId !== e.stockId ? (
                    <th scope="rowgroup" rowSpan={spans.get(e.stockId)}>
                      {localName(locale, e)}
                    </th>
                  ) : null}
                  <td>
                    {e.source}
                    <div className="muted small nowrap">{formatDate(locale, e.estimatedOn)}</div>
                  </td>
                  <td className="nowrap">
                    <strong>
                      {e.yearFrom}–{e.yearTo}
                    </strong>
                  </td>
                  {canEdit ? (
                    <td>
                      <InlineEditForm
                        formKey={`revise-${e.id}`}
                        intent="addEstimate"
                        hidden={{ stockId: e.stockId }}
                        summary={t('themeEdit.revise')}
                        summaryLabel={t('themeEdit.reviseNamed', { name: `${localName(locale, e)} (${e.source})` })}
                        submitLabel={t('themeEdit.saveRevision')}
                        className="popover-edit align-right"
                      >
                        {(state) => <EstimateFields idPrefix={`revise-${e.id}`} state={state} today={today} prefill={e} />}
                      </InlineEditForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="revisions-heading">{t('themeEdit.revisions')}</h3>
      <EstimateRevisions stocks={stocks} />
    </section>
  )
}
