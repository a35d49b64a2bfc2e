import { Form, useNavigation } from '@remix-run/react'
import { type ReactNode, useState } from 'react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

interface AddDocumentsProps {
  themes: { id: number; nameEn: string; nameZh: string }[]
  accept: string
  maxFileMb: number
  /** From this many files on, the upload runs as a background job. */
  bulkFiles: number
  errors: Record<string, string>
  values: Record<string, string>
}

/** Publisher, date, tags and themes: the same fields on both forms. */
function SharedFields({ prefix, themes, errors, values }: { prefix: string } & Pick<AddDocumentsProps, 'themes' | 'errors' | 'values'>) {
  const { t, locale } = useI18n()
  return (
    <>
      <div className="doc-form-row">
        <Field
          label={t('documents.publisher')}
          name="publisher"
          id={`${prefix}-publisher`}
          maxLength={200}
          defaultValue={values.publisher}
          error={errors.publisher}
        />
        <Field
          label={t('documents.publishedOn')}
          name="publishedOn"
          id={`${prefix}-published`}
          type="date"
          defaultValue={values.publishedOn}
          error={errors.publishedOn}
        />
      </div>
      <Field
        label={t('documents.tags')}
        name="tags"
        id={`${prefix}-tags`}
        maxLength={1000}
        hint={t('documents.tagsHint')}
        defaultValue={values.tags}
        error={errors.tags}
      />
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

type Intent = 'upload' | 'url' | 'paste'

/** One way of adding documents: its own fields, then the shared metadata and the button. */
function AddForm({
  intent,
  title,
  hint,
  submit,
  working,
  themes,
  errors,
  values,
  busy,
  children,
}: {
  intent: Intent
  title: string
  hint: string
  submit: string
  working: string
  busy: FormDataEntryValue | null | undefined
  children: ReactNode
} & Pick<AddDocumentsProps, 'themes' | 'errors' | 'values'>) {
  // Errors and values of a refused post belong to the form that sent it.
  const own = values.intent === intent
  return (
    <Form method="post" encType="multipart/form-data" className="doc-form card" aria-labelledby={`${intent}-heading`}>
      <h2 id={`${intent}-heading`}>{title}</h2>
      <p className="field-hint">{hint}</p>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <SharedFields prefix={intent} themes={themes} errors={own ? errors : {}} values={own ? values : {}} />
      {own ? <FormError error={errors.form} /> : null}
      <button type="submit" className="primary" disabled={busy != null}>
        {busy === intent ? working : submit}
      </button>
    </Form>
  )
}

export function AddDocuments({ themes, accept, maxFileMb, bulkFiles, errors, values }: AddDocumentsProps) {
  const { t } = useI18n()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const [tooBig, setTooBig] = useState<string[]>([])
  const intent = values.intent
  const shared = { themes, errors, values, busy }
  return (
    <div className="add-documents">
      <AddForm
        intent="upload"
        title={t('documents.uploadTitle')}
        hint={t('documents.uploadHint', { max: maxFileMb, bulk: bulkFiles })}
        submit={t('documents.uploadSubmit')}
        working={t('documents.working')}
        {...shared}
      >
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
      </AddForm>
      <AddForm
        intent="url"
        title={t('documents.urlTitle')}
        hint={t('documents.urlHint')}
        submit={t('documents.urlSubmit')}
        working={t('documents.fetching')}
        {...shared}
      >
        <Field
          label={t('documents.url')}
          name="url"
          id="doc-url"
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          maxLength={2000}
          required
          defaultValue={intent === 'url' ? values.url : undefined}
          error={intent === 'url' ? errors.url : undefined}
        />
      </AddForm>
      <AddForm
        intent="paste"
        title={t('documents.pasteTitle')}
        hint={t('documents.pasteHint')}
        submit={t('documents.pasteSubmit')}
        working={t('documents.working')}
        {...shared}
      >
        <Field
          label={t('documents.fieldTitle')}
          name="title"
          id="paste-title"
          maxLength={500}
          required
          defaultValue={intent === 'paste' ? values.title : undefined}
          error={intent === 'paste' ? errors.title : undefined}
        />
        <div className={`field${intent === 'paste' && errors.text ? ' has-error' : ''}`}>
          <label htmlFor="paste-text">{t('documents.text')}</label>
          <textarea
            id="paste-text"
            name="text"
            rows={4}
            required
            defaultValue={intent === 'paste' ? values.text : undefined}
            aria-invalid={intent === 'paste' && errors.text ? true : undefined}
          />
          {intent === 'paste' && errors.text ? (
            <p className="field-error" role="alert">
              {fieldError(t, errors.text)}
            </p>
          ) : null}
        </div>
      </AddForm>
    </div>
  )
}
