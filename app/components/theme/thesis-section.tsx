import { useEffect, useRef, useState } from 'react'

import { FormError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { THESIS_MAX } from '#app/schemas/theme.ts'

import { EditConflictNotice, versionOf } from './edit-conflict.tsx'
import { TextAreaField } from './fields.tsx'
import { useThemeForm } from './theme-form.tsx'

/**
 * The thesis, rendered from markdown on the server (sanitised, raw HTML shown as text).
 * Analysts edit the markdown in place; Preview asks the server to render the draft with
 * the same renderer, so what they see is what will be saved.
 */
export function ThesisSection({
  thesisMd,
  thesisHtml,
  version,
  canEdit,
}: {
  thesisMd: string
  thesisHtml: string
  /** The thesis version the form saves from (see app/utils/edit-conflict.ts). */
  version: number
  canEdit: boolean
}) {
  const { t } = useI18n()
  const { fetcher, data, errors, values, conflict, busy } = useThemeForm('thesis')
  const [editing, setEditing] = useState(false)
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const saved = fetcher.state === 'idle' && fetcher.data?.ok === true && fetcher.data.previewHtml === undefined
  useEffect(() => {
    if (saved && detailsRef.current) detailsRef.current.open = false
  }, [saved, fetcher.data])
  const previewHtml = data?.ok ? data.previewHtml : undefined
  const hasErrors = Object.keys(errors).length > 0
  return (
    <section className="card thesis" aria-labelledby="thesis-heading">
      {/* A thesis that opens with its own heading would show "Thesis" twice: keep ours for screen readers only. */}
      <h2 id="thesis-heading" className={/^\s{0,3}#{1,6}\s/.test(thesisMd) ? 'visually-hidden' : undefined}>
        {t('theme.thesis')}
      </h2>
      {thesisHtml ? (
        <div className="prose" dangerouslySetInnerHTML={{ __html: thesisHtml }} />
      ) : (
        <p className="muted">{t('themeEdit.thesisEmpty')}</p>
      )}
      {canEdit ? (
        <details
          ref={detailsRef}
          className="inline-edit thesis-edit"
          open={hasErrors || Boolean(previewHtml) || undefined}
          onToggle={(e) => setEditing(e.currentTarget.open)}
        >
          <summary>{t('themeEdit.editThesis')}</summary>
          <fetcher.Form method="post" className="inline-edit-form" noValidate>
            <input type="hidden" name="formKey" value="thesis" />
            <input type="hidden" name="version" value={versionOf(conflict, version)} />
            <FormError error={errors.form ?? errors.version} />
            <TextAreaField
              id="thesis-md"
              label={t('themeEdit.thesisMarkdown')}
              hint={t('themeEdit.thesisHint', { max: THESIS_MAX.toLocaleString('en') })}
              name="thesisMd"
              // Remounting on open resets the draft to the saved text.
              key={editing ? 'open' : 'closed'}
              defaultValue={values.thesisMd ?? thesisMd}
              error={errors.thesisMd}
              rows={14}
              maxLength={THESIS_MAX}
              className="thesis-textarea"
            />
            {conflict ? <EditConflictNotice conflict={conflict} labels={{ thesisMd: t('theme.thesis') }} /> : null}
            <div className="form-actions">
              <button type="submit" name="intent" value="thesis" className="primary small" disabled={busy}>
                {t('themeEdit.saveThesis')}
              </button>
              <button type="submit" name="intent" value="preview" className="small" disabled={busy}>
                {t('themeEdit.preview')}
              </button>
            </div>
          </fetcher.Form>
          {previewHtml !== undefined ? (
            <section className="thesis-preview" aria-label={t('themeEdit.preview')}>
              <h3 className="muted small">{t('themeEdit.previewHeading')}</h3>
              <div className="prose" dangerouslySetInnerHTML={{ __html: previewHtml }} />
            </section>
          ) : null}
        </details>
      ) : null}
    </section>
  )
}
