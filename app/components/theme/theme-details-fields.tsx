import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { THEME_STANCES, WORKING_STATUSES } from '#app/schemas/theme.ts'

import { NameFields, SelectField, TextAreaField } from './fields.tsx'
import type { FormState } from './theme-form.tsx'

export interface ThemeDetailsDefaults {
  nameEn: string
  nameZh: string
  summaryEn: string
  summaryZh: string
  stance: string
  status: string
  parentId: number | null
}

export interface ParentOption {
  id: number
  nameEn: string
  nameZh: string
}

/** Names, summaries, stance, status and parent: the same fields on "new theme" and "edit details". */
export function ThemeDetailsFields({
  idPrefix,
  state,
  defaults,
  parentOptions,
  archived = false,
  onNameEnChange,
}: {
  idPrefix: string
  state: FormState
  defaults: ThemeDetailsDefaults
  parentOptions: ParentOption[]
  archived?: boolean
  onNameEnChange?: (value: string) => void
}) {
  const { t, locale } = useI18n()
  const { errors, values } = state
  const value = (name: keyof ThemeDetailsDefaults) => values[name] ?? String(defaults[name] ?? '')
  return (
    <div className="details-fields">
      <NameFields
        idPrefix={idPrefix}
        errors={errors}
        defaults={{ nameEn: value('nameEn'), nameZh: value('nameZh') }}
        onNameEnChange={onNameEnChange}
      />
      <TextAreaField
        id={`${idPrefix}-summaryEn`}
        label={t('themeEdit.summaryEn')}
        name="summaryEn"
        defaultValue={value('summaryEn')}
        error={errors.summaryEn}
        maxLength={1000}
        rows={3}
      />
      <TextAreaField
        id={`${idPrefix}-summaryZh`}
        label={t('themeEdit.summaryZh')}
        name="summaryZh"
        defaultValue={value('summaryZh')}
        error={errors.summaryZh}
        maxLength={1000}
        rows={3}
        lang="zh-CN"
      />
      <SelectField
        id={`${idPrefix}-stance`}
        label={t('theme.stance')}
        name="stance"
        defaultValue={value('stance')}
        error={errors.stance}
        options={THEME_STANCES.map((s) => ({ value: s, label: labelOf(t, 'stance', s) }))}
      />
      {archived ? (
        // Archived themes keep their status until someone unarchives them.
        <input type="hidden" name="status" value="active" />
      ) : (
        <SelectField
          id={`${idPrefix}-status`}
          label={t('theme.status')}
          name="status"
          defaultValue={value('status')}
          error={errors.status}
          options={WORKING_STATUSES.map((s) => ({ value: s, label: labelOf(t, 'status', s) }))}
        />
      )}
      <SelectField
        id={`${idPrefix}-parentId`}
        label={t('themeEdit.parent')}
        name="parentId"
        defaultValue={value('parentId')}
        error={errors.parentId}
        options={[
          { value: '', label: t('themeEdit.noParent') },
          ...parentOptions.map((p) => ({ value: String(p.id), label: localName(locale, p) })),
        ]}
      />
    </div>
  )
}
