import { Link } from '@remix-run/react'

import { CompanyPicker } from '#app/components/company-picker.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { AUDIENCES } from '#app/schemas/theme.ts'

import { BilingualText } from './bilingual-text.tsx'
import { NameFields, SelectField, TextAreaField } from './fields.tsx'
import { ActionButton, type FormState, InlineEditForm } from './theme-form.tsx'

export interface Segment {
  id: number
  audience: '2B' | '2C'
  nameEn: string
  nameZh: string
  noteEn: string
  noteZh: string
  noteEnUpdatedAt: string | null
  noteZhUpdatedAt: string | null
  version: number
  companies: { id: number; nameEn: string; nameZh: string }[]
}

function SegmentFields({
  idPrefix,
  state,
  segment,
  audience,
}: {
  idPrefix: string
  state: FormState
  segment?: Segment
  audience: '2B' | '2C'
}) {
  const { t } = useI18n()
  const { errors, values } = state
  return (
    <>
      {segment ? (
        <SelectField
          id={`${idPrefix}-audience`}
          label={t('themeEdit.audience')}
          name="audience"
          defaultValue={values.audience ?? segment.audience}
          error={errors.audience}
          options={AUDIENCES.map((a) => ({ value: a, label: t(a === '2B' ? 'theme.segments2B' : 'theme.segments2C') }))}
        />
      ) : (
        <input type="hidden" name="audience" value={audience} />
      )}
      <NameFields
        idPrefix={idPrefix}
        errors={errors}
        defaults={{ nameEn: values.nameEn ?? segment?.nameEn ?? '', nameZh: values.nameZh ?? segment?.nameZh ?? '' }}
      />
      <TextAreaField
        id={`${idPrefix}-noteEn`}
        label={t('themeEdit.noteEn')}
        name="noteEn"
        defaultValue={values.noteEn ?? segment?.noteEn ?? ''}
        error={errors.noteEn}
        rows={2}
        maxLength={2000}
      />
      <TextAreaField
        id={`${idPrefix}-noteZh`}
        label={t('themeEdit.noteZh')}
        name="noteZh"
        defaultValue={values.noteZh ?? segment?.noteZh ?? ''}
        error={errors.noteZh}
        rows={2}
        maxLength={2000}
        lang="zh-CN"
      />
    </>
  )
}

export function CompanyPickerField({ idPrefix, state }: { idPrefix: string; state: FormState }) {
  const { t } = useI18n()
  return (
    <CompanyPicker
      id={`${idPrefix}-company`}
      label={t('themeEdit.company')}
      name="company"
      defaultValue={state.values.company ?? ''}
      error={state.errors.company}
      hint={t('themeEdit.companyHint')}
      required
    />
  )
}

function SegmentItem({ segment, canEdit }: { segment: Segment; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const audienceLabel = (value: string) => (value === '2C' ? t('theme.segments2C') : value === '2B' ? t('theme.segments2B') : value)
  const conflictDisplay = {
    labels: {
      audience: t('themeEdit.audience'),
      nameEn: t('themeEdit.nameEn'),
      nameZh: t('themeEdit.nameZh'),
      noteEn: t('themeEdit.noteEn'),
      noteZh: t('themeEdit.noteZh'),
    },
    formats: { audience: audienceLabel },
  }
  const name = localName(locale, segment)
  return (
    <li>
      <div className="segment-head">
        <strong>{name}</strong>
        {canEdit ? (
          <span className="item-tools">
            <InlineEditForm
              formKey={`segment-company-${segment.id}`}
              intent="linkSegmentCompany"
              hidden={{ segmentId: segment.id }}
              summary={t('themeEdit.addCompanyShort')}
              summaryLabel={t('themeEdit.linkCompanyTo', { name })}
              submitLabel={t('themeEdit.link')}
              resetOnSuccess
              className="popover-edit align-right"
            >
              {(state) => <CompanyPickerField idPrefix={`segment-company-${segment.id}`} state={state} />}
            </InlineEditForm>
            <InlineEditForm
              formKey={`segment-${segment.id}`}
              intent="editSegment"
              hidden={{ segmentId: segment.id }}
              version={segment.version}
              conflictDisplay={conflictDisplay}
              summary="✎"
              summaryLabel={t('themeEdit.editNamed', { name })}
              submitLabel={t('common.save')}
              className="popover-edit align-right"
              otherActions={[{ intent: 'removeSegment', label: t('themeEdit.removeSegment'), className: 'small danger' }]}
            >
              {(state) => <SegmentFields idPrefix={`segment-${segment.id}`} state={state} segment={segment} audience={segment.audience} />}
            </InlineEditForm>
          </span>
        ) : null}
      </div>
      <BilingualText
        className="muted small segment-note"
        pair={{ en: segment.noteEn, zh: segment.noteZh, enUpdatedAt: segment.noteEnUpdatedAt, zhUpdatedAt: segment.noteZhUpdatedAt }}
      />
      {segment.companies.length ? (
        <span className="chips">
          {segment.companies.map((c) => (
            <span key={c.id} className="chip removable">
              <Link to={`/companies/${c.id}`}>{localName(locale, c)}</Link>
              {canEdit ? (
                <ActionButton
                  formKey={`unlink-${segment.id}-${c.id}`}
                  intent="unlinkSegmentCompany"
                  hidden={{ segmentId: segment.id, companyId: c.id }}
                  label="×"
                  ariaLabel={t('themeEdit.unlinkNamed', { name: localName(locale, c) })}
                  className="chip-remove"
                />
              ) : null}
            </span>
          ))}
        </span>
      ) : null}
    </li>
  )
}

/** 2B and 2C application segments, each with the companies behind it. */
export function SegmentsSection({ segments, canEdit }: { segments: Segment[]; canEdit: boolean }) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby="apps-heading">
      <h2 id="apps-heading">{t('theme.applications')}</h2>
      <div className="two-col">
        {AUDIENCES.map((audience) => {
          const own = segments.filter((s) => s.audience === audience)
          return (
            <div key={audience}>
              <h3>{t(audience === '2B' ? 'theme.segments2B' : 'theme.segments2C')}</h3>
              {own.length === 0 ? <p className="muted small">{t('themeEdit.noSegments')}</p> : null}
              <ul className="segment-list editable">
                {own.map((s) => (
                  <SegmentItem key={s.id} segment={s} canEdit={canEdit} />
                ))}
              </ul>
              {canEdit ? (
                <InlineEditForm
                  formKey={`add-segment-${audience}`}
                  intent="addSegment"
                  summary={t('themeEdit.addSegment')}
                  submitLabel={t('themeEdit.add')}
                  resetOnSuccess
                  className="add-form"
                >
                  {(state) => <SegmentFields idPrefix={`add-segment-${audience}`} state={state} audience={audience} />}
                </InlineEditForm>
              ) : null}
            </div>
          )
        })}
      </div>
    </section>
  )
}
