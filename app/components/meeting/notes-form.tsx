import { useActionData, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { fieldError, FormError } from '#app/components/form.tsx'
import { EditConflictNotice, versionOf } from '#app/components/theme/edit-conflict.tsx'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import type { ConflictView } from '#app/utils/edit-conflict.ts'

// The lead's notes and action items for this meeting (markdown). Saved notes appear on
// the next meeting's opening slide; saving also creates the meeting, which locks earlier
// weeks for scoring. The form posts the version it was opened at (0: no meeting yet): when
// someone saved other notes meanwhile, the save is refused and their notes show next to
// the typed ones, which stay in the form. Posted with a fetcher, or plainly without JavaScript.
// In present mode the same form opens as a panel over the slide ("n"; Esc closes it).

interface Props {
  week: string
  notes: {
    notesMd: string
    actionsMd: string
    updatedAt: string
    updatedBy: string | null
    version: number
  } | null
  notesHtml: string
  actionsHtml: string
  canEdit: boolean
  maxLength: number
  action: string
  /** Present mode: the form shows as a panel over the slide, with a way to close it. */
  panel?: { open: boolean; onClose: () => void }
}

export interface NotesActionResult {
  ok: boolean
  errors?: Record<string, string>
  values?: Record<string, string>
  conflict?: ConflictView
}

export function NotesForm({ week, notes, notesHtml, actionsHtml, canEdit, maxLength, action, panel }: Props) {
  const { t, locale, timeZone } = useI18n()
  const sectionRef = useRef<HTMLElement>(null)
  const panelOpen = panel?.open ?? false
  // Opening the panel puts the cursor in the first field, ready to type.
  useEffect(() => {
    if (!panelOpen) return
    const section = sectionRef.current
    ;(section?.querySelector<HTMLElement>('textarea') ?? section?.querySelector<HTMLElement>('button'))?.focus()
  }, [panelOpen])
  const closeButton = panel ? (
    <button type="button" className="notes-panel-close" onClick={panel.onClose} aria-keyshortcuts="Escape">
      {t('meeting.panel.close')}
    </button>
  ) : null
  const fetcher = useFetcher<NotesActionResult>()
  const actionData = useActionData<NotesActionResult>()
  const result = fetcher.data ?? actionData
  const busy = fetcher.state !== 'idle'
  const errors = result && !result.ok ? (result.errors ?? {}) : {}
  const conflict = result && !result.ok ? result.conflict : undefined
  // A conflict carries the typed text whole; the echoed values stop at 10,000 characters.
  const typed = Object.fromEntries((conflict?.fields ?? []).map((f) => [f.name, f.yours]))
  const values: Record<string, string> = result && !result.ok ? { ...result.values, ...typed } : {}
  const saved = notes ? (
    <p className="muted small">
      {t('meeting.notes.saved', {
        when: formatDateTime(locale, notes.updatedAt, timeZone),
        who: notes.updatedBy ?? '–',
      })}
    </p>
  ) : null
  if (!canEdit) {
    return (
      <section ref={sectionRef} className={`card meeting-notes${panelOpen ? ' is-panel' : ''}`} aria-labelledby="notes-title">
        {closeButton}
        <h2 id="notes-title">{t('meeting.notes.title', { week })}</h2>
        <h3>{t('meeting.notes.actions')}</h3>
        {actionsHtml ? (
          <div className="prose" dangerouslySetInnerHTML={{ __html: actionsHtml }} />
        ) : (
          <p className="muted">{t('meeting.previous.noActions')}</p>
        )}
        <h3>{t('meeting.notes.notes')}</h3>
        {notesHtml ? (
          <div className="prose" dangerouslySetInnerHTML={{ __html: notesHtml }} />
        ) : (
          <p className="muted">{t('meeting.previous.noNotes')}</p>
        )}
        {saved}
      </section>
    )
  }
  const field = (name: 'notesMd' | 'actionsMd', label: string, hint: string) => {
    const message = fieldError(t, errors[name])
    return (
      <div className={`field${message ? ' has-error' : ''}`}>
        <label htmlFor={`meeting-${name}`}>{label}</label>
        <textarea
          id={`meeting-${name}`}
          name={name}
          rows={6}
          maxLength={maxLength}
          defaultValue={values[name] ?? notes?.[name] ?? ''}
          aria-invalid={message ? true : undefined}
          aria-describedby={`meeting-${name}-hint${message ? ` meeting-${name}-error` : ''}`}
        />
        <p className="field-hint" id={`meeting-${name}-hint`}>
          {hint}
        </p>
        {message ? (
          <p className="field-error" id={`meeting-${name}-error`} role="alert">
            {message}
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <section ref={sectionRef} className={`card meeting-notes${panelOpen ? ' is-panel' : ''}`} aria-labelledby="notes-title">
      {closeButton}
      <h2 id="notes-title">{t('meeting.notes.title', { week })}</h2>
      <p className="muted notes-intro">{t('meeting.notes.intro')}</p>
      <fetcher.Form method="post" action={action} className="stack">
        <input type="hidden" name="version" value={versionOf(conflict, notes?.version ?? 0)} />
        <FormError error={errors.form ?? errors.version} />
        <div className="notes-fields">
          {field('actionsMd', t('meeting.notes.actions'), t('meeting.notes.actionsHint'))}
          {field('notesMd', t('meeting.notes.notes'), t('meeting.notes.notesHint'))}
        </div>
        {conflict ? (
          <EditConflictNotice conflict={conflict} labels={{ actionsMd: t('meeting.notes.actions'), notesMd: t('meeting.notes.notes') }} />
        ) : null}
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {t('meeting.notes.save')}
          </button>
        </p>
        {result?.ok ? (
          <p className="notice" role="status">
            {t('meeting.notes.savedNow')}
          </p>
        ) : null}
        {saved}
      </fetcher.Form>
    </section>
  )
}
