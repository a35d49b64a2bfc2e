import { type MessageKey, useI18n } from '#app/i18n/index.ts'

import { objectLabel } from './audit-sentence.tsx'

interface Props {
  choices: { people: { id: number; name: string }[]; actions: string[]; entityTypes: string[] }
  query: { user?: number; action?: string; type?: string; from?: string; to?: string }
}

/** The audit log's filters: person, action, object and a date range in the team time zone. */
export function AuditFilters({ choices, query }: Props) {
  const { t } = useI18n()
  // An action is offered as its sentence with the names left out ("… edited the watchlist …").
  const actionLabel = (action: string) => {
    const key = `auditAction.${action}` as MessageKey
    const text = t(key, { who: '…', what: '…' })
    return text === key ? action : text
  }
  return (
    <>
      <div className="field">
        <label htmlFor="audit-user">{t('audit.filterPerson')}</label>
        <select id="audit-user" name="user" defaultValue={query.user ?? ''}>
          <option value="">{t('audit.anyone')}</option>
          {choices.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.filterAction')}</label>
        <select id="audit-action" name="action" defaultValue={query.action ?? ''}>
          <option value="">{t('audit.anyAction')}</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-type">{t('audit.filterType')}</label>
        <select id="audit-type" name="type" defaultValue={query.type ?? ''}>
          <option value="">{t('audit.anyType')}</option>
          {choices.entityTypes.map((type) => (
            <option key={type} value={type}>
              {objectLabel(t, type)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('audit.from')}</label>
        <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.to')}</label>
        <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
      </div>
    </>
  )
}
