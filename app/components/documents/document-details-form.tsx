import { Form, useNavigation } from '@remix-run/react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

interface DocumentDetailsFormProps {
  document: { title: string; publisher: string; publishedOn: string | null; tags: string[] }
  themeIds: number[]
  themes: { id: number; nameEn: string; nameZh: string }[]
  errors: Record<string, string>
  values: Record<string, string>
  /** Open after a refused save, so the errors are seen. */
  open: boolean
}

/** Title, publisher, date, tags and themes of one document, for analysts to correct. */
export function DocumentDetailsForm({ document: doc, themeIds, themes, errors, values, open }: DocumentDetailsFormProps) {
  const { t, locale } = useI18n()
  const busy = useNavigation().formData?.get('intent') === 'edit'
  const value = (name: string, fallback: string) => (name in values ? values[name] : fallback)
  return (
    <details className="doc-edit" open={open}>
      <summary>{t('documents.editDetails')}</summary>
      <Form method="post" className="doc-edit-form">
        <input type="hidden" name="intent" value="edit" />
        <Field
          label={t('documents.fieldTitle')}
          name="title"
          id="edit-title"
          maxLength={500}
          required
          defaultValue={value('title', doc.title)}
          error={errors.title}
        />
        <div className="doc-form-row">
          <Field
            label={t('documents.publisher')}
            name="publisher"
            id="edit-publisher"
            maxLength={200}
            defaultValue={value('publisher', doc.publisher)}
            error={errors.publisher}
          />
          <Field
            label={t('documents.publishedOn')}
            name="publishedOn"
            id="edit-published"
            type="date"
            defaultValue={value('publishedOn', doc.publishedOn ?? '')}
            error={errors.publishedOn}
          />
        </div>
        <Field
          label={t('documents.tags')}
          name="tags"
          id="edit-tags"
          maxLength={1000}
          hint={t('documents.tagsHint')}
          defaultValue={value('tags', doc.tags.join(', '))}
          error={errors.tags}
        />
        {themes.length > 0 ? (
          <fieldset className="doc-themes">
            <legend>{t('documents.themes')}</legend>
            {themes.map((theme) => (
              <label key={theme.id} className="doc-theme-option">
                <input type="checkbox" name="themeIds" value={theme.id} defaultChecked={themeIds.includes(theme.id)} />{' '}
                {localName(locale, theme)}
              </label>
            ))}
            {errors.themeIds ? <p className="field-error">{fieldError(t, errors.themeIds)}</p> : null}
          </fieldset>
        ) : null}
        <FormError error={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {t('documents.saveDetails')}
        </button>
      </Form>
    </details>
  )
}
