import { Link } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

import { FormError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { THESIS_MAX } from '#app/schemas/theme.ts'

import { BilingualText, type Lang, type TextPair } from './bilingual-text.tsx'
import { EditConflictNotice, versionOf } from './edit-conflict.tsx'
import { TextAreaField } from './fields.tsx'
import { useThemeForm } from './theme-form.tsx'

/** One language of the thesis rendered on the server, cut where it folds. */
export interface FoldedHtml {
  headHtml: string
  /** Behind "show all"; empty when the thesis shows whole. */
  restHtml: string
  restBlocks: number
}

/** The whole thesis: what shows first, then the rest behind a visible "show all" (a <details>, so no JavaScript needed). */
function FoldedThesis({ html }: { html: FoldedHtml }) {
  const { t } = useI18n()
  return (
    <>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html.headHtml }} />
      {html.restHtml ? (
        <details className="thesis-fold">
          <summary>
            <span className="when-closed">{t('bilingual.showAll', { count: html.restBlocks })}</span>
            <span className="when-open">{t('bilingual.showLess')}</span>
          </summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: html.restHtml }} />
        </details>
      ) : null}
    </>
  )
}

/**
 * The thesis in English and Chinese, rendered from markdown on the server (sanitised, raw
 * HTML shown as text). Analysts edit both in place; Preview asks the server to render the
 * drafts with the same renderer, so what they see is what will be saved.
 */
export function ThesisSection({
  thesis,
  asOf,
  currentWeek,
  html,
  version,
  canEdit: canEditNow,
}: {
  thesis: TextPair
  /** Reading the thesis as a past week ended (?thesis=2026-W45); `existed`: the theme did by then. */
  asOf: { week: string; existed: boolean } | null
  currentWeek: string
  html: Record<Lang, FoldedHtml>
  /** The thesis version the form saves from (see app/utils/edit-conflict.ts). */
  version: number
  canEdit: boolean
}) {
  const { t, locale } = useI18n()
  // An old thesis is read, not edited: saving from it would replace today's text.
  const canEdit = canEditNow && !asOf
  const { fetcher, data, errors, values, conflict, busy } = useThemeForm('thesis')
  const [editing, setEditing] = useState(false)
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const saved = fetcher.state === 'idle' && fetcher.data?.ok === true && fetcher.data.previewHtml === undefined
  useEffect(() => {
    if (saved && detailsRef.current) detailsRef.current.open = false
  }, [saved, fetcher.data])
  const preview = data?.ok && data.previewHtml !== undefined ? { en: data.previewHtml, zh: data.previewZhHtml ?? '' } : undefined
  const hasErrors = Object.keys(errors).length > 0
  const shownMd = locale === 'zh-CN' ? thesis.zh || thesis.en : thesis.en || thesis.zh
  return (
    <section className="card thesis" aria-labelledby="thesis-heading">
      {/* A thesis that opens with its own heading would show "Thesis" twice: keep ours for screen readers only. */}
      <h2 id="thesis-heading" className={/^\s{0,3}#{1,6}\s/.test(shownMd) ? 'visually-hidden' : undefined}>
        {t('theme.thesis')}
      </h2>
      {asOf ? (
        <p className="notice" role="status">
          {t(asOf.existed ? 'bilingual.asOf' : 'bilingual.asOfNone', { week: asOf.week })} <Link to=".">{t('bilingual.asOfBack')}</Link>
        </p>
      ) : null}
      {thesis.en || thesis.zh ? (
        <BilingualText pair={thesis} render={(lang) => <FoldedThesis html={html[lang]} />} />
      ) : (
        <p className="muted">{t('themeEdit.thesisEmpty')}</p>
      )}
      {canEdit ? (
        <details
          ref={detailsRef}
          className="inline-edit thesis-edit"
          open={hasErrors || Boolean(preview) || undefined}
          onToggle={(e) => setEditing(e.currentTarget.open)}
        >
          <summary>{t('themeEdit.editThesis')}</summary>
          <fetcher.Form method="post" className="inline-edit-form" noValidate>
            <input type="hidden" name="formKey" value="thesis" />
            <input type="hidden" name="version" value={versionOf(conflict, version)} />
            <FormError error={errors.form ?? errors.version} />
            <div className="thesis-edit-pair">
              <TextAreaField
                id="thesis-md"
                label={t('bilingual.thesisEn')}
                hint={t('themeEdit.thesisHint', { max: THESIS_MAX.toLocaleString('en') })}
                name="thesisMd"
                // Remounting on open resets the draft to the saved text.
                key={editing ? 'en-open' : 'en-closed'}
                defaultValue={values.thesisMd ?? thesis.en}
                error={errors.thesisMd}
                rows={14}
                maxLength={THESIS_MAX}
                className="thesis-textarea"
              />
              <TextAreaField
                id="thesis-zh-md"
                label={t('bilingual.thesisZh')}
                name="thesisZhMd"
                key={editing ? 'zh-open' : 'zh-closed'}
                defaultValue={values.thesisZhMd ?? thesis.zh}
                error={errors.thesisZhMd}
                rows={14}
                maxLength={THESIS_MAX}
                className="thesis-textarea"
                lang="zh-CN"
              />
            </div>
            {conflict ? (
              <EditConflictNotice conflict={conflict} labels={{ thesisMd: t('bilingual.thesisEn'), thesisZhMd: t('bilingual.thesisZh') }} />
            ) : null}
            <div className="form-actions">
              <button type="submit" name="intent" value="thesis" className="primary small" disabled={busy}>
                {t('themeEdit.saveThesis')}
              </button>
              <button type="submit" name="intent" value="preview" className="small" disabled={busy}>
                {t('themeEdit.preview')}
              </button>
            </div>
          </fetcher.Form>
          {preview !== undefined ? (
            <section className="thesis-preview" aria-label={t('themeEdit.preview')}>
              <h3 className="muted small">{t('themeEdit.previewHeading')}</h3>
              <div className="thesis-edit-pair">
                <div>
                  <h4>{t('bilingual.previewEn')}</h4>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: preview.en }} />
                </div>
                <div lang="zh-CN">
                  <h4>{t('bilingual.previewZh')}</h4>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: preview.zh }} />
                </div>
              </div>
            </section>
          ) : null}
        </details>
      ) : null}
      {/* A plain GET form: reading an earlier week needs no JavaScript. */}
      <form method="get" className="thesis-as-of">
        <label htmlFor="thesis-week">{t('bilingual.asOfLabel')}</label>
        <input
          id="thesis-week"
          name="thesis"
          defaultValue={asOf?.week ?? ''}
          placeholder={currentWeek}
          size={9}
          pattern="\d{4}-[Ww]\d{2}"
        />
        <button type="submit" className="small">
          {t('bilingual.asOfShow')}
        </button>
      </form>
    </section>
  )
}
