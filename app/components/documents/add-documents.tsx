import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { Field, FormError, fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

interface AddDocumentsProps {
  themes: { id: number; nameEn: string; nameZh: string }[]
  accept: string
  maxFileMb: number
  errors: Record<string, string>
  values: Record<string, string>
}

/** Publisher, date, tags and themes: the same fields on both forms. */
function SharedFields({ prefix, themes, errors, values }: { prefix: string } & Pick<AddDocumentsProps, 'themes' | 'errors' | 'values'>) {
  const { t, locale } = useI18n()
  return (
    <>
      <div className="doc-form-row">
        <Field label={t('documents.publisher')} name="publisher" id={`${prefix}-publisher`} maxLength={200} defaultValue={values.publisher} error={errors.publisher} />
        <Field label={t('documents.publishedOn')} name="publishedOn" id={`${prefix}-published`} type="date" defaultValue={values.publishedOn} error={errors.publishedOn} />
      </div>
      <Field label={t('documents.tags')} name="tags" id={`${prefix}-tags`} maxLength={1000} hint={t('documents.tagsHint')} defaultValue={values.tags} error={errors.tags} />
      {themes.length > 0 ? (
        <fieldset className="doc-themes">
          <legend>{t('documents.themes')}</legend>
          {themes.map((theme) => (
            <label key={theme.id} className="doc-theme-option">
              <input type="checkbox" name="themeIds" value={theme.id} /> {localName(locale, theme)}
            </label>
          ))}
          {errors.themeIds ? <p className="field-error">{fieldError(t, errors.themeIds)}</p> : null}
        </fieldset>
      ) : null}
    </>
  )
}

export function AddDocuments({ themes, accept, maxFileMb, errors, values }: AddDocumentsProps) {
  const { t } = useI18n()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const [tooBig, setTooBig] = useState<string[]>([])
  const intent = values.intent
  return (
    <div className="add-documents">
      <Form method="post" encType="multipart/form-data" className="doc-form card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('documents.uploadTitle')}</h2>
        <p className="field-hint">{t('documents.uploadHint', { max: maxFileMb })}</p>
        <input type="hidden" name="intent" value="upload" />
        <div className={`field${errors.files ? ' has-error' : ''}`}>
          <label htmlFor="doc-files">{t('documents.files')}</label>
          <input
            id="doc-files"
            type="file"
            name="files"
            multiple
            accept={accept}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])]
              setTooBig(files.filter((f) => f.size > maxFileMb * 1024 * 1024).map((f) => f.name))
            }}
          />
          {tooBig.map((name) => (
            <p key={name} className="field-error">
              {t('documents.tooBigWarning', { name, max: maxFileMb })}
            </p>
          ))}
          {errors.files ? <p className="field-error">{fieldError(t, errors.files)}</p> : null}
        </div>
        <SharedFields prefix="upload" themes={themes} errors={intent === 'upload' ? errors : {}} values={intent === 'upload' ? values : {}} />
        {intent === 'upload' ? <FormError error={errors.form} /> : null}
        <button type="submit" className="primary" disabled={busy != null}>
          {busy === 'upload' ? t('documents.working') : t('documents.uploadSubmit')}
        </button>
      </Form>
      <Form method="post" encType="multipart/form-data" className="doc-form card" aria-labelledby="paste-heading">
        <h2 id="paste-heading">{t('documents.pasteTitle')}</h2>
        <p className="field-hint">{t('documents.pasteHint')}</p>
        <input type="hidden" name="intent" value="paste" />
        <Field label={t('documents.fieldTitle')} name="title" id="paste-title" maxLength={500} required defaultValue={intent === 'paste' ? values.title : undefined} error={intent === 'paste' ? errors.title : undefined} />
        <div className={`field${intent === 'paste' && errors.text ? ' has-error' : ''}`}>
          <label htmlFor="paste-text">{t('documents.text')}</label>
          <textarea id="paste-text" name="text" rows={4} required defaultValue={intent === 'paste' ? values.text : undefined} aria-invalid={intent === 'paste' && errors.text ? true : undefined} />
          {intent === 'paste' && errors.text ? (
            <p className="field-error" role="alert">
              {fieldError(t, errors.text)}
            </p>
          ) : null}
        </div>
        <SharedFields prefix="paste" themes={themes} errors={intent === 'paste' ? errors : {}} values={intent === 'paste' ? values : {}} />
        {intent === 'paste' ? <FormError error={errors.form} /> : null}
        <button type="submit" className="primary" disabled={busy != null}>
          {busy === 'paste' ? t('documents.working') : t('documents.pasteSubmit')}
        </button>
      </Form>
    </div>
  )
}
