import { Field } from '#app/components/form.tsx'
import { formatDate, useI18n } from '#app/i18n/index.ts'

import { BilingualText } from './bilingual-text.tsx'
import { TextAreaField } from './fields.tsx'
import { ActionButton, type FormState, InlineEditForm } from './theme-form.tsx'

export interface ThemePoint {
  id: number
  textEn: string
  textZh: string
  textEnUpdatedAt: string | null
  textZhUpdatedAt: string | null
  expectedOn: string | null
  version: number
}

function PointFields({ idPrefix, state, point }: { idPrefix: string; state: FormState; point?: ThemePoint }) {
  const { t } = useI18n()
  const { errors, values } = state
  return (
    <>
      <TextAreaField
        id={`${idPrefix}-textEn`}
        label={t('themeEdit.textEn')}
        name="textEn"
        defaultValue={values.textEn ?? point?.textEn ?? ''}
        error={errors.textEn}
        rows={2}
        maxLength={2000}
      />
      <TextAreaField
        id={`${idPrefix}-textZh`}
        label={t('themeEdit.textZh')}
        name="textZh"
        defaultValue={values.textZh ?? point?.textZh ?? ''}
        error={errors.textZh}
        rows={2}
        maxLength={2000}
        lang="zh-CN"
      />
      <Field
        id={`${idPrefix}-expectedOn`}
        label={t('themeEdit.expectedOn')}
        name="expectedOn"
        type="date"
        defaultValue={values.expectedOn ?? point?.expectedOn ?? ''}
        error={errors.expectedOn}
      />
    </>
  )
}

/** Risks or catalysts: a short ordered list that analysts add to, reword, reorder and prune. */
export function PointsSection({ kind, points, canEdit }: { kind: 'risk' | 'catalyst'; points: ThemePoint[]; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const conflictDisplay = {
    labels: { textEn: t('themeEdit.textEn'), textZh: t('themeEdit.textZh'), expectedOn: t('themeEdit.expectedOn') },
    formats: { expectedOn: (value: string) => (value ? formatDate(locale, value) : '') },
  }
  const heading = kind === 'risk' ? t('theme.risks') : t('theme.catalysts')
  return (
    <section className="card" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{heading}</h2>
      {points.length === 0 ? <p className="muted small">{t('themeEdit.noPoints')}</p> : null}
      <ol className={`point-list ${kind}`}>
        {points.map((p, i) => (
          <li key={p.id}>
            <span className="point-text">
              <BilingualText
                compact
                pair={{ en: p.textEn, zh: p.textZh, enUpdatedAt: p.textEnUpdatedAt, zhUpdatedAt: p.textZhUpdatedAt }}
              />
              {p.expectedOn ? <span className="muted small"> · {formatDate(locale, p.expectedOn)}</span> : null}
            </span>
            {canEdit ? (
              <span className="item-tools">
                {i > 0 ? (
                  <ActionButton
                    formKey={`move-${p.id}-up`}
                    intent="movePoint"
                    hidden={{ pointId: p.id, direction: 'up' }}
                    label="↑"
                    ariaLabel={t('themeEdit.moveUp')}
                    className="icon-button"
                  />
                ) : null}
                {i < points.length - 1 ? (
                  <ActionButton
                    formKey={`move-${p.id}-down`}
                    intent="movePoint"
                    hidden={{ pointId: p.id, direction: 'down' }}
                    label="↓"
                    ariaLabel={t('themeEdit.moveDown')}
                    className="icon-button"
                  />
                ) : null}
                <InlineEditForm
                  formKey={`point-${p.id}`}
                  intent="editPoint"
                  hidden={{ pointId: p.id }}
                  version={p.version}
                  conflictDisplay={conflictDisplay}
                  summary="✎"
                  summaryLabel={t('themeEdit.edit')}
                  submitLabel={t('common.save')}
                  className="popover-edit align-right"
                  otherActions={[{ intent: 'removePoint', label: t('themeEdit.remove'), className: 'small danger' }]}
                >
                  {(state) => <PointFields idPrefix={`point-${p.id}`} state={state} point={p} />}
                </InlineEditForm>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <InlineEditForm
          formKey={`add-${kind}`}
          intent="addPoint"
          hidden={{ kind }}
          summary={kind === 'risk' ? t('themeEdit.addRisk') : t('themeEdit.addCatalyst')}
          submitLabel={t('themeEdit.add')}
          resetOnSuccess
          className="add-form"
        >
          {(state) => <PointFields idPrefix={`add-${kind}`} state={state} />}
        </InlineEditForm>
      ) : null}
    </section>
  )
}
