import { useActionData, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { Field, fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { REGIONS, VENDOR_TYPES } from '#app/schemas/company.ts'

/** What the company page's action answers: which form it was (`target`) and its field errors. */
export interface EditResult {
  ok: boolean
  target: string
  errors: Record<string, string>
  values: Record<string, string>
  /** A success message key, and the job that brings mention counts up to date (alias edits). */
  notice?: { key: 'alias.added' | 'alias.addedOrdinary' | 'alias.saved' | 'alias.removed'; jobId: number | null }
}

/**
 * One inline form on the company page. With JavaScript it posts through its own fetcher
 * (errors and busy state stay on that row); without, it is a plain post and the errors
 * come back as the page's action data, matched to the row by `target`.
 */
export function useCompanyEdit(target: string, { resetOnSuccess = false } = {}) {
  const fetcher = useFetcher<EditResult>()
  const actionData = useActionData<EditResult>()
  const formRef = useRef<HTMLFormElement>(null)
  const result = fetcher.data ?? (actionData?.target === target ? actionData : undefined)
  useEffect(() => {
    if (resetOnSuccess && fetcher.state === 'idle' && fetcher.data?.ok) formRef.current?.reset()
  }, [resetOnSuccess, fetcher.state, fetcher.data])
  const errors = result && !result.ok ? result.errors : {}
  return { fetcher, formRef, result, errors, busy: fetcher.state !== 'idle' }
}

interface SelectFieldProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  name: string
  error?: string
  options: { value: string; label: string }[]
}

export function SelectField({ label, name, error, options, id, ...select }: SelectFieldProps) {
  const { t } = useI18n()
  const fieldId = id ?? `field-${name}`
  const message = fieldError(t, error)
  return (
    <div className={`field${message ? ' has-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${fieldId}-error` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {message ? (
        <p className="field-error" id={`${fieldId}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}

export interface ProfileValues {
  nameEn: string
  nameZh: string
  region: string
  listing: string
  vendorType: string
  website: string
  parentId: string
  notesMd: string
}

interface ProfileFieldsProps {
  values: Partial<ProfileValues>
  errors: Record<string, string>
  parents: { id: number; nameEn: string; nameZh: string }[]
  /** Keeps ids unique when the page has more than one form. */
  idPrefix?: string
  children?: React.ReactNode
}

/** The profile fields shared by the create form and the company page's profile editor. */
export function CompanyProfileFields({ values, errors, parents, idPrefix = 'company', children }: ProfileFieldsProps) {
  const { t, locale } = useI18n()
  const id = (name: string) => `${idPrefix}-${name}`
  const notesError = fieldError(t, errors.notesMd)
  return (
    <div className="company-form-grid">
      <Field
        id={id('nameEn')}
        label={t('companyEdit.nameEn')}
        name="nameEn"
        required
        maxLength={200}
        defaultValue={values.nameEn}
        error={errors.nameEn}
      />
      <Field
        id={id('nameZh')}
        label={t('companyEdit.nameZh')}
        name="nameZh"
        maxLength={200}
        defaultValue={values.nameZh}
        error={errors.nameZh}
        lang="zh-CN"
      />
      <SelectField
        id={id('region')}
        label={t('company.region')}
        name="region"
        defaultValue={values.region ?? 'domestic'}
        error={errors.region}
        options={REGIONS.map((r) => ({ value: r, label: labelOf(t, 'region', r) }))}
      />
      <SelectField
        id={id('listing')}
        label={t('company.listing')}
        name="listing"
        defaultValue={values.listing ?? 'listed'}
        error={errors.listing}
        options={[
          { value: 'listed', label: t('listing.listed') },
          { value: 'private', label: t('listing.private') },
        ]}
      />
      <SelectField
        id={id('vendorType')}
        label={t('company.vendorType')}
        name="vendorType"
        defaultValue={values.vendorType ?? 'big_tech'}
        error={errors.vendorType}
        options={VENDOR_TYPES.map((v) => ({ value: v, label: labelOf(t, 'vendor', v) }))}
      />
      <SelectField
        id={id('parentId')}
        label={t('companyEdit.parent')}
        name="parentId"
        defaultValue={values.parentId ?? ''}
        error={errors.parentId}
        options={[
          { value: '', label: t('companyEdit.noParent') },
          ...parents.map((p) => ({ value: String(p.id), label: localName(locale, p) })),
        ]}
      />
      {children}
      <Field
        id={id('website')}
        label={t('companyEdit.website')}
        name="website"
        type="text"
        inputMode="url"
        maxLength={500}
        placeholder="https://"
        defaultValue={values.website}
        error={errors.website}
      />
      <div className={`field span-all${notesError ? ' has-error' : ''}`}>
        <label htmlFor={id('notesMd')}>{t('companyEdit.notes')}</label>
        <textarea
          id={id('notesMd')}
          name="notesMd"
          rows={5}
          maxLength={100_000}
          defaultValue={values.notesMd}
          aria-invalid={notesError ? true : undefined}
        />
        {notesError ? <p className="field-error">{notesError}</p> : null}
      </div>
    </div>
  )
}
