import { Form, useFetcher, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { EditConflictNotice, versionOf } from '#app/components/theme/edit-conflict.tsx'
import { TextAreaField } from '#app/components/theme/fields.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import type { ConflictView } from '#app/utils/edit-conflict.ts'

// The forms of a watchlist page: add a company, edit or remove an entry (inline, with a
// fetcher, but plain posts without JavaScript), and rename or archive the list. An entry's
// edit posts the version it was opened at; a stale save comes back with a conflict.

export type WatchlistActionResult =
  | { ok: true; intent: string; entryId?: number; message?: string; name?: string }
  | {
      ok: false
      intent: string
      entryId?: number
      errors: Record<string, string>
      values: Record<string, string>
      conflict?: ConflictView
    }

interface CompanyOption {
  id: number
  nameEn: string
  nameZh: string
  tickers: string[]
}

export function AddEntryForm({
  companyOptions,
  result,
  startOpen,
}: {
  companyOptions: CompanyOption[]
  result?: WatchlistActionResult
  startOpen: boolean
}) {
  const { t } = useI18n()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'add'
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : {}
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (result?.ok) formRef.current?.reset()
  }, [result])
  return (
    <details className="card wl-add" open={startOpen || Boolean(result && !result.ok) || undefined}>
      <summary>{t('watchlists.addTitle')}</summary>
      <Form method="post" ref={formRef} className="wl-add-form">
        <input type="hidden" name="intent" value="add" />
        <Field
          label={t('watchlists.company')}
          name="company"
          id="add-company"
          list="wl-company-options"
          required
          maxLength={200}
          autoComplete="off"
          hint={t('watchlists.companyHint')}
          defaultValue={values.company ?? ''}
          error={errors.company}
        />
        <Field
          label={t('watchlists.rationale')}
          name="rationale"
          id="add-rationale"
          maxLength={2000}
          defaultValue={values.rationale ?? ''}
          error={errors.rationale}
        />
        <Field
          label={t('watchlists.tags')}
          name="tags"
          id="add-tags"
          hint={t('watchlists.tagsHint')}
          defaultValue={values.tags ?? ''}
          error={errors.tags}
        />
        <TextAreaField
          label={t('watchlists.notes')}
          name="notes"
          id="add-notes"
          rows={2}
          maxLength={20000}
          defaultValue={values.notes ?? ''}
          error={errors.notes}
        />
        <div className="wl-add-submit">
          <button type="submit" className="primary" disabled={busy}>
            {t('watchlists.addSubmit')}
          </button>
        </div>
      </Form>
      <datalist id="wl-company-options">
        {companyOptions.map((c) => (
          <option key={c.id} value={c.nameEn}>
            {[c.nameZh, ...c.tickers].filter(Boolean).join(' · ')}
          </option>
        ))}
      </datalist>
    </details>
  )
}

export interface EntryForDetail {
  id: number
  rationale: string
  notesMd: string
  notesHtml: string
  tags: string[]
  version: number
}

/** Notes of one entry, and for analysts its edit and remove forms. */
export function EntryDetail({
  entry,
  canEdit,
  actionResult,
}: {
  entry: EntryForDetail
  canEdit: boolean
  actionResult?: WatchlistActionResult
}) {
  const { t } = useI18n()
  const edit = useFetcher<WatchlistActionResult>()
  const remove = useFetcher<WatchlistActionResult>()
  // Without JavaScript the forms post normally and the result arrives as action data.
  const fromPage = (intent: string) => (actionResult?.intent === intent && actionResult.entryId === entry.id ? actionResult : undefined)
  const editResult = edit.data ?? fromPage('editEntry')
  const removeResult = remove.data ?? fromPage('remove')
  const editErrors = editResult && !editResult.ok ? editResult.errors : {}
  const conflict = editResult && !editResult.ok ? editResult.conflict : undefined
  // What was typed, after a refused save: the conflict's copy is whole, the echo is cut at 10,000 characters.
  const typed = Object.fromEntries((conflict?.fields ?? []).map((f) => [f.name, f.yours]))
  const editValues: Record<string, string> = editResult && !editResult.ok ? { ...editResult.values, ...typed } : {}
  const removeErrors = removeResult && !removeResult.ok ? removeResult.errors : {}
  const prefix = `entry-${entry.id}`
  return (
    <div className="wl-detail">
      <section className="wl-notes" aria-label={t('common.notes')}>
        <h3>{t('common.notes')}</h3>
        {entry.notesHtml ? (
          <div className="prose" dangerouslySetInnerHTML={{ __html: entry.notesHtml }} />
        ) : (
          <p className="muted">{t('watchlists.noNotes')}</p>
        )}
      </section>
      {canEdit ? (
        <>
          <edit.Form method="post" className="stack wl-edit">
            <h3>{t('watchlists.editTitle')}</h3>
            <input type="hidden" name="intent" value="editEntry" />
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="version" value={versionOf(conflict, entry.version)} />
            <FormError error={editErrors.form ?? editErrors.version} />
            <TextAreaField
              label={t('watchlists.rationale')}
              name="rationale"
              id={`${prefix}-rationale`}
              rows={2}
              maxLength={2000}
              defaultValue={editValues.rationale ?? entry.rationale}
              error={editErrors.rationale}
            />
            <Field
              label={t('watchlists.tags')}
              name="tags"
              id={`${prefix}-tags`}
              defaultValue={editValues.tags ?? entry.tags.join(', ')}
              error={editErrors.tags}
            />
            <TextAreaField
              label={t('watchlists.notes')}
              name="notes"
              id={`${prefix}-notes`}
              rows={3}
              maxLength={20000}
              defaultValue={editValues.notes ?? entry.notesMd}
              error={editErrors.notes}
            />
            {conflict ? (
              <EditConflictNotice
                conflict={conflict}
                labels={{ rationale: t('watchlists.rationale'), tags: t('watchlists.tags'), notes: t('watchlists.notes') }}
              />
            ) : null}
            <p className="wl-form-foot">
              <button type="submit" className="primary" disabled={edit.state !== 'idle'}>
                {t('common.save')}
              </button>
              {editResult?.ok && edit.state === 'idle' ? (
                <span className="ok-text" role="status">
                  {t('common.saved')}
                </span>
              ) : null}
            </p>
          </edit.Form>
          <remove.Form method="post" className="stack wl-remove">
            <h3>{t('watchlists.removeTitle')}</h3>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="entryId" value={entry.id} />
            <FormError error={removeErrors.form} />
            <Field
              label={t('watchlists.removeReason')}
              name="reason"
              id={`${prefix}-reason`}
              required
              maxLength={2000}
              hint={t('watchlists.removeReasonHint')}
              error={removeErrors.reason}
            />
            <p className="wl-form-foot">
              <button type="submit" className="danger" disabled={remove.state !== 'idle'}>
                {t('watchlists.removeSubmit')}
              </button>
            </p>
          </remove.Form>
        </>
      ) : null}
    </div>
  )
}

interface SettingsProps {
  watchlist: { name: string; description: string; themeId: number | null; archivedAt: string | null }
  themes: { id: number; nameEn: string; nameZh: string }[]
  result?: WatchlistActionResult
}

export function WatchlistSettings({ watchlist, themes, result }: SettingsProps) {
  const { t } = useI18n()
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : {}
  return (
    <details className="card wl-settings" open={Boolean(result && !result.ok) || undefined}>
      <summary>{t('watchlists.settingsTitle')}</summary>
      <FormError error={errors.form} />
      {result?.ok && result.intent === 'update' ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {!watchlist.archivedAt ? (
        <Form method="post" className="row-form">
          <input type="hidden" name="intent" value="update" />
          <Field
            label={t('watchlists.name')}
            name="name"
            id="settings-name"
            required
            maxLength={200}
            defaultValue={values.name ?? watchlist.name}
            error={errors.name}
          />
          <WatchlistThemeSelect
            id="settings-theme"
            themes={themes}
            defaultValue={values.themeId ?? (watchlist.themeId ? String(watchlist.themeId) : '')}
            error={errors.themeId}
          />
          <div className="grow">
            <Field
              label={t('watchlists.description')}
              name="description"
              id="settings-description"
              maxLength={2000}
              defaultValue={values.description ?? watchlist.description}
              error={errors.description}
            />
          </div>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="row-form wl-archive">
        <input type="hidden" name="intent" value={watchlist.archivedAt ? 'unarchive' : 'archive'} />
        <button type="submit">{watchlist.archivedAt ? t('watchlists.unarchive') : t('watchlists.archive')}</button>
        <span className="muted small">{t('watchlists.archiveHint')}</span>
      </Form>
    </details>
  )
}

/** The theme a watchlist belongs to, or none. */
export function WatchlistThemeSelect({
  id,
  themes,
  defaultValue,
  error,
}: {
  id: string
  themes: { id: number; nameEn: string; nameZh: string }[]
  defaultValue: string
  error?: string
}) {
  const { t, locale } = useI18n()
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t('watchlists.theme')}</label>
      <select id={id} name="themeId" defaultValue={defaultValue}>
        <option value="">{t('watchlists.noTheme')}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {localName(locale, theme)}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{fieldError(t, error)}</p> : null}
    </div>
  )
}
