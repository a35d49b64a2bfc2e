import { CompanyProfileFields, useCompanyEdit } from '#app/components/company-edit-form.tsx'
import { FormError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'

export interface ProfileEditorData {
  company: {
    nameEn: string
    nameZh: string
    region: string
    isListed: boolean
    vendorType: string
    website: string | null
    parentId: number | null
    notesMd: string
  }
  parents: { id: number; nameEn: string; nameZh: string }[]
}

/** The company's profile form, folded away until an analyst opens it (or a save failed). */
export function ProfileEditor({ data }: { data: ProfileEditorData }) {
  const { t } = useI18n()
  const edit = useCompanyEdit('profile')
  const c = data.company
  const values =
    edit.result && !edit.result.ok
      ? edit.result.values
      : {
          nameEn: c.nameEn,
          nameZh: c.nameZh,
          region: c.region,
          listing: c.isListed ? 'listed' : 'private',
          vendorType: c.vendorType,
          website: c.website ?? '',
          parentId: c.parentId ? String(c.parentId) : '',
          notesMd: c.notesMd,
        }
  const failed = Boolean(edit.result && !edit.result.ok)
  return (
    <details className="profile-editor" open={failed || undefined}>
      <summary>{t('companyEdit.editProfile')}</summary>
      <edit.fetcher.Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <FormError error={edit.errors.form} />
        <CompanyProfileFields values={values} errors={edit.errors} parents={data.parents} idPrefix="profile" />
        <p className="row-form">
          <button type="submit" className="primary" disabled={edit.busy}>
            {t('common.save')}
          </button>
          {edit.result?.ok ? (
            <span className="muted small" role="status">
              {t('common.saved')}
            </span>
          ) : null}
        </p>
      </edit.fetcher.Form>
    </details>
  )
}
