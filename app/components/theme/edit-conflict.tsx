import { useI18n } from '#app/i18n/index.ts'
import type { ConflictView } from '#app/utils/edit-conflict.ts'

import { DiffView } from './history-entry.tsx'

// What someone else saved while you edited, next to your text: one diff per field that
// differs (struck through: only in theirs; marked: only in yours), their full text to
// copy from, and the version the form now saves from, so a second save replaces theirs
// on purpose. The theme, meeting and watchlist forms all use it.

interface Props {
  conflict: ConflictView
  /** Each field's label, in the reader's language. */
  labels: Record<string, string>
  /** Fields that are choices rather than text (stance, parent): their value as shown. */
  formats?: Record<string, (value: string) => string>
}

/** The version a form saves from: the conflict's once one was shown, else the one it was opened at. */
export function versionOf(conflict: ConflictView | undefined, opened: number): number {
  return conflict?.version ?? opened
}

export function EditConflictNotice({ conflict, labels, formats }: Props) {
  const { t } = useI18n()
  if (conflict.fields.length === 0) return null
  return (
    <section className="edit-conflict" aria-label={t('themeEdit.conflict.title')}>
      <h3 className="edit-conflict-title">{t('themeEdit.conflict.title')}</h3>
      <p className="edit-conflict-legend small">
        {t('themeEdit.conflict.legend')} <del>{t('themeEdit.conflict.onlyTheirs')}</del> <ins>{t('themeEdit.conflict.onlyYours')}</ins>
      </p>
      {conflict.fields.map((field) => {
        const label = labels[field.name] ?? field.name
        const format = formats?.[field.name]
        return (
          <div key={field.name} className="edit-conflict-field" data-field={field.name}>
            <h4>{label}</h4>
            {format ? (
              <p className="value-change">
                <del>{format(field.current) || '—'}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('themeEdit.changedTo')} </span>
                <ins>{format(field.yours) || '—'}</ins>
              </p>
            ) : (
              <>
                <DiffView parts={field.diff} />
                <details className="edit-conflict-theirs">
                  <summary>{t('themeEdit.conflict.theirFull')}</summary>
                  <textarea
                    readOnly
                    value={field.current}
                    rows={Math.min(12, Math.max(2, field.current.split('\n').length))}
                    aria-label={`${t('themeEdit.conflict.theirFull')}: ${label}`}
                  />
                </details>
              </>
            )}
          </div>
        )
      })}
    </section>
  )
}
