import { formatDate, formatDateTime, localName, type MessageKey, type Translate, useI18n } from '#app/i18n/index.ts'
import type { HistoryChange, HistoryValue } from '#app/models/theme/index.server.ts'
import type { DiffPart } from '#app/utils/text-diff.ts'

export interface HistoryEntryData {
  id: number
  at: string
  actorName: string | null
  action: string
  subject: { nameEn: string; nameZh: string } | null
  changes: HistoryChange[]
}

const ENUM_PREFIX: Record<string, string> = { stance: 'stance', status: 'status', role: 'companyRole', exposure: 'exposure' }
const DATE_FIELDS = new Set(['expectedOn', 'estimatedOn'])

function label(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey)
  return text === key ? fallback : text
}

function ShowValue({ field, value }: { field: string; value: HistoryValue }) {
  const { t, locale } = useI18n()
  if (value == null || value === '') return <span className="muted">—</span>
  if (typeof value === 'object') return <>{localName(locale, value)}</>
  if (ENUM_PREFIX[field]) return <>{label(t, `${ENUM_PREFIX[field]}.${value}`, String(value))}</>
  if (field === 'audience') return <>{value === '2B' ? t('theme.segments2B') : value === '2C' ? t('theme.segments2C') : String(value)}</>
  if (DATE_FIELDS.has(field) && typeof value === 'string') return <>{formatDate(locale, value)}</>
  return <>{String(value)}</>
}

/** A text change as inert spans: React escapes the text, so markup in a thesis stays text. */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  const { t } = useI18n()
  return (
    <div className="diff">
      {parts.map((part, i) =>
        part.kind === 'skip' ? (
          <span key={i} className="diff-skip">
            {t('themeEdit.unchangedLines', { count: part.lines })}
          </span>
        ) : part.kind === 'ins' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'del' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  )
}

export function HistoryEntry({ entry }: { entry: HistoryEntryData }) {
  const { t, locale, timeZone } = useI18n()
  const what = label(t, `themeEdit.audit.${entry.action.replace(/\./g, '_')}`, entry.action)
  return (
    <li className="history-entry card">
      <header className="history-head">
        <strong>{what}</strong>
        {entry.subject ? <span className="history-subject">{localName(locale, entry.subject)}</span> : null}
        <span className="muted small">
          {entry.actorName ?? t('audit.system')} · <time dateTime={entry.at}>{formatDateTime(locale, entry.at, timeZone)}</time>
        </span>
      </header>
      {entry.changes.length ? (
        <dl className="history-changes">
          {entry.changes.map((change) => (
            <div key={change.field} className="history-change">
              <dt>{label(t, `themeEdit.field.${change.field}`, change.field)}</dt>
              <dd>
                {change.kind === 'text' ? (
                  <DiffView parts={change.diff} />
                ) : (
                  <span className="value-change">
                    {change.before != null ? (
                      <del>
                        <ShowValue field={change.field} value={change.before} />
                      </del>
                    ) : null}
                    {change.before != null && change.after != null ? (
                      <>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> {t('themeEdit.changedTo')} </span>
                      </>
                    ) : null}
                    {change.after != null ? (
                      <ins>
                        <ShowValue field={change.field} value={change.after} />
                      </ins>
                    ) : null}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  )
}
