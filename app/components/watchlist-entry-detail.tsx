import { useFetcher } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { EditConflictNotice, versionOf } from '#app/components/theme/edit-conflict.tsx'
import { TextAreaField } from '#app/components/theme/fields.tsx'
import { useI18n } from '#app/i18n/index.ts'

import type { WatchlistActionResult } from './watchlist-forms.tsx'

// One entry's details: its notes and, for analysts, its edit and remove forms (inline,
// with a fetcher, but plain posts without JavaScript). The edit posts the version the
// entry had when the page loaded; a stale save comes back with a conflict, shown next to
// the typed text.

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
