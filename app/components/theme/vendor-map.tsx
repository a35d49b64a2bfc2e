import { CompanyChip } from '#app/components/company-chip.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { COMPANY_ROLES, EXPOSURES } from '#app/schemas/theme.ts'
import type { CompanyRole, Exchange, Exposure } from '#db/types.ts'

import { SelectField, TextAreaField } from './fields.tsx'
import { CompanyPickerField } from './segments-section.tsx'
import { type FormState, InlineEditForm } from './theme-form.tsx'

const VENDOR_TYPES = ['big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform'] as const
const REGIONS = ['domestic', 'overseas'] as const

export interface VendorCompany {
  id: number
  nameEn: string
  nameZh: string
  region: string
  vendorType: string
  isListed: boolean
  role: CompanyRole
  exposure: Exposure
  note: string
  reason: string
  tickers: { exchange: Exchange; code: string }[]
}

function LinkFields({ idPrefix, state, company }: { idPrefix: string; state: FormState; company?: VendorCompany }) {
  const { t } = useI18n()
  const { errors, values } = state
  return (
    <>
      <SelectField
        id={`${idPrefix}-role`}
        label={t('themeEdit.role')}
        name="role"
        defaultValue={values.role ?? company?.role ?? 'beneficiary'}
        error={errors.role}
        options={COMPANY_ROLES.map((r) => ({ value: r, label: labelOf(t, 'companyRole', r) }))}
      />
      <SelectField
        id={`${idPrefix}-exposure`}
        label={t('themeEdit.exposure')}
        name="exposure"
        defaultValue={values.exposure ?? company?.exposure ?? 'medium'}
        error={errors.exposure}
        options={EXPOSURES.map((x) => ({ value: x, label: labelOf(t, 'exposure', x) }))}
      />
      <TextAreaField
        id={`${idPrefix}-reason`}
        label={t('membership.reason')}
        name="reason"
        defaultValue={values.reason ?? company?.reason ?? ''}
        error={errors.reason}
        hint={t('membership.reasonHint')}
        rows={2}
        maxLength={2000}
        // Every new member needs one; a member that came over from before may have none yet.
        required={!company}
      />
      <TextAreaField
        id={`${idPrefix}-note`}
        label={t('themeEdit.linkNote')}
        name="note"
        defaultValue={values.note ?? company?.note ?? ''}
        error={errors.note}
        rows={2}
        maxLength={2000}
      />
    </>
  )
}

/** Domestic vs overseas, grouped by vendor type; each company's tickers, listing, role and exposure. */
export function VendorMap({ companies, canEdit }: { companies: VendorCompany[]; canEdit: boolean }) {
  const { t, locale } = useI18n()
  return (
    <section className="card" aria-labelledby="vendors-heading">
      <div className="card-heading">
        <h2 id="vendors-heading">{t('theme.vendorMap')}</h2>
        {canEdit ? (
          <InlineEditForm
            formKey="link-company"
            intent="linkCompany"
            summary={t('themeEdit.linkCompany')}
            submitLabel={t('themeEdit.link')}
            resetOnSuccess
            className="popover-edit align-right"
          >
            {(state) => (
              <>
                <CompanyPickerField idPrefix="link-company" state={state} />
                <LinkFields idPrefix="link-company" state={state} />
              </>
            )}
          </InlineEditForm>
        ) : null}
      </div>
      {companies.length === 0 ? <p className="muted">{t('theme.noCompanies')}</p> : null}
      <div className="two-col vendor-map">
        {REGIONS.map((region) => (
          <div key={region}>
            <h3>{labelOf(t, 'region', region)}</h3>
            {VENDOR_TYPES.map((type) => {
              const group = companies.filter((c) => c.region === region && c.vendorType === type)
              if (!group.length) return null
              return (
                <div key={type} className="vendor-group">
                  <h4>{labelOf(t, 'vendor', type)}</h4>
                  <ul className="company-list">
                    {group.map((c) => (
                      <li key={c.id} title={c.note || undefined}>
                        <CompanyChip company={c} />
                        {c.reason ? <span className="muted small membership-reason">{c.reason}</span> : null}
                        <span className="chips">
                          <span className={`badge role-${c.role}`}>{labelOf(t, 'companyRole', c.role)}</span>
                          <span className={`badge exposure-${c.exposure}`}>{labelOf(t, 'exposure', c.exposure)}</span>
                          {canEdit ? (
                            <InlineEditForm
                              formKey={`company-${c.id}`}
                              intent="editCompany"
                              hidden={{ companyId: c.id }}
                              summary="✎"
                              summaryLabel={t('themeEdit.editNamed', { name: localName(locale, c) })}
                              submitLabel={t('common.save')}
                              className="popover-edit align-right"
                              otherActions={[{ intent: 'unlinkCompany', label: t('themeEdit.unlink'), className: 'small danger' }]}
                            >
                              {(state) => <LinkFields idPrefix={`company-${c.id}`} state={state} company={c} />}
                            </InlineEditForm>
                          ) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )
            })}
          </div>
        ))}
      </div>
    </section>
  )
}
