import { Link, useActionData, useFetcher } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { ALIAS_KINDS, ALIAS_LANGUAGES } from '#app/schemas/company.ts'
import { joinContextWords, NEGATIVE_CONTEXT_MAX_WORDS } from '#app/schemas/context-words.ts'
import type { AliasKind, AliasLanguage } from '#db/types.ts'

import { type EditResult, useCompanyEdit } from './company-edit-form.tsx'

export interface AliasView {
  id: number
  text: string
  language: AliasLanguage
  kind: AliasKind
  caseSensitive: boolean
  isAmbiguous: boolean
  /** english_word / chinese_word (the app's check), set_by_user, or null. */
  ambiguousReason: string | null
  negativeContext: string[]
}

type T = ReturnType<typeof useI18n>['t']

/** Why the alias is (or is not) ambiguous, when the app or a person decided it. */
function reasonText(t: T, alias: AliasView): string | null {
  if (alias.isAmbiguous && alias.ambiguousReason === 'english_word') return t('alias.reasonEnglish')
  if (alias.isAmbiguous && alias.ambiguousReason === 'chinese_word') return t('alias.reasonChinese')
  if (!alias.isAmbiguous && alias.ambiguousReason === 'set_by_user') return t('alias.reasonOverridden')
  return null
}

/** The reason and the negative words under an alias, for readers of the table. */
function AliasNotes({ alias }: { alias: AliasView }) {
  const { t } = useI18n()
  const reason = reasonText(t, alias)
  if (!reason && alias.negativeContext.length === 0) return null
  return (
    <>
      {reason ? <span className="alias-reason">{reason}</span> : null}
      {alias.negativeContext.length ? (
        <span className="alias-negative">{t('alias.negativeContextShown', { words: alias.negativeContext.join(', ') })}</span>
      ) : null}
    </>
  )
}

/** "Counts are being updated", with a link to the re-match job. */
function SavedNotice({ notice }: { notice: EditResult['notice'] }) {
  const { t } = useI18n()
  if (!notice) return null
  return (
    <p className="alias-notice" role="status">
      {t(notice.key)} {notice.jobId ? <Link to={`/jobs/${notice.jobId}`}>{t('alias.followJob')}</Link> : null}
    </p>
  )
}

/** The aliases as a read-only table, for viewers. */
export function AliasTable({ aliases }: { aliases: AliasView[] }) {
  const { t } = useI18n()
  if (aliases.length === 0) return <p className="muted">{t('companyEdit.noAliases')}</p>
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('company.alias')}</th>
          <th scope="col">{t('company.aliasKind')}</th>
          <th scope="col">{t('company.aliasLanguage')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {aliases.map((alias) => (
          <tr key={alias.id}>
            <td>
              <span lang={alias.language === 'zh' ? 'zh-CN' : undefined}>{alias.text}</span>
              <AliasNotes alias={alias} />
            </td>
            <td>{labelOf(t, 'aliasKind', alias.kind)}</td>
            <td>{labelOf(t, 'aliasLanguage', alias.language)}</td>
            <td className="chips">
              {alias.caseSensitive ? <span className="badge">{t('company.caseSensitive')}</span> : null}
              {alias.isAmbiguous ? (
                <span className="badge warn" title={t('company.ambiguousHint')}>
                  {t('company.ambiguous')}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The aliases as inline-editable rows plus a row to add one, for analysts. */
export function AliasEditor({ aliases }: { aliases: AliasView[] }) {
  const { t } = useI18n()
  // The removed row is gone after the reload, so its "counts are being updated" shows here.
  const removal = useFetcher<EditResult>({ key: REMOVE_ALIAS_FETCHER })
  return (
    <div className="alias-editor">
      <div className="alias-row alias-head" aria-hidden="true">
        <span>{t('company.alias')}</span>
        <span>{t('company.aliasLanguage')}</span>
        <span>{t('company.aliasKind')}</span>
        <span>{t('company.caseSensitive')}</span>
        <span title={t('company.ambiguousHint')}>{t('company.ambiguous')}</span>
        <span />
      </div>
      {aliases.map((alias) => (
        <AliasRow key={alias.id} alias={alias} />
      ))}
      <AliasRow alias={null} />
      {removal.data?.ok ? <SavedNotice notice={removal.data.notice} /> : null}
      <p className="field-hint">{t('companyEdit.aliasHelp')}</p>
      <p className="field-hint">{t('alias.negativeContextHelp')}</p>
    </div>
  )
}

const REMOVE_ALIAS_FETCHER = 'remove-alias'

function AliasRow({ alias }: { alias: AliasView | null }) {
  const { t } = useI18n()
  const target = alias ? `alias:${alias.id}` : 'alias:new'
  const { fetcher, formRef, errors, busy, result } = useCompanyEdit(target, { resetOnSuccess: !alias })
  const remover = useFetcher<EditResult>({ key: REMOVE_ALIAS_FETCHER })
  const removeTarget = `removeAlias:${alias?.id ?? ''}`
  const actionData = useActionData<EditResult>()
  const removed = remover.data ?? actionData
  const removeError = removed && !removed.ok && removed.target === removeTarget ? removed.errors.form : undefined
  const key = alias ? String(alias.id) : 'new'
  const label = alias?.text ?? t('companyEdit.newAlias')
  const message =
    fieldError(t, errors.text ?? errors.form ?? errors.language ?? errors.kind ?? errors.negativeContext) ?? fieldError(t, removeError)
  const reason = alias ? reasonText(t, alias) : null
  return (
    <div className={`alias-row-wrap${alias ? '' : ' is-new'}`}>
      <fetcher.Form method="post" ref={formRef} className="alias-row" aria-label={label}>
        <input type="hidden" name="intent" value={alias ? 'updateAlias' : 'addAlias'} />
        {alias ? <input type="hidden" name="aliasId" value={alias.id} /> : null}
        <input
          name="text"
          defaultValue={alias?.text}
          maxLength={200}
          required
          placeholder={alias ? undefined : t('companyEdit.newAlias')}
          aria-label={alias ? t('company.alias') : t('companyEdit.newAlias')}
          aria-invalid={errors.text ? true : undefined}
          lang={alias?.language === 'zh' ? 'zh-CN' : undefined}
        />
        <select name="language" defaultValue={alias?.language ?? 'any'} aria-label={t('company.aliasLanguage')}>
          {ALIAS_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {labelOf(t, 'aliasLanguage', l)}
            </option>
          ))}
        </select>
        <select name="kind" defaultValue={alias?.kind ?? 'short_name'} aria-label={t('company.aliasKind')}>
          {ALIAS_KINDS.map((k) => (
            <option key={k} value={k}>
              {labelOf(t, 'aliasKind', k)}
            </option>
          ))}
        </select>
        <label className="check-cell">
          <input type="checkbox" name="caseSensitive" defaultChecked={alias?.caseSensitive} id={`cs-${key}`} />
          <span className="visually-hidden">{t('company.caseSensitive')}</span>
        </label>
        <label className="check-cell">
          {/* Keyed by the stored state: the server may decide otherwise (an ordinary word), and the box then follows. */}
          <input type="checkbox" name="ambiguous" key={String(alias?.isAmbiguous)} defaultChecked={alias?.isAmbiguous} id={`amb-${key}`} />
          <span className="visually-hidden">{t('company.ambiguous')}</span>
        </label>
        <label className="alias-negative-field" htmlFor={`neg-${key}`}>
          <span>{t('alias.negativeContext')}</span>
          <input
            id={`neg-${key}`}
            key={joinContextWords(alias?.negativeContext ?? [])}
            name="negativeContext"
            defaultValue={joinContextWords(alias?.negativeContext ?? [])}
            maxLength={NEGATIVE_CONTEXT_MAX_WORDS * 42}
            placeholder={t('alias.negativeContextPlaceholder')}
            aria-invalid={errors.negativeContext ? true : undefined}
          />
        </label>
        <span className="row-actions">
          <button
            type="submit"
            className={alias ? 'small' : 'small primary'}
            disabled={busy}
            aria-label={alias ? t('companyEdit.saveAlias', { alias: alias.text }) : undefined}
          >
            {alias ? t('common.save') : t('companyEdit.addAlias')}
          </button>
        </span>
      </fetcher.Form>
      {alias ? (
        <remover.Form method="post" className="alias-remove">
          <input type="hidden" name="intent" value="removeAlias" />
          <input type="hidden" name="aliasId" value={alias.id} />
          <button
            type="submit"
            className="small link-button danger"
            disabled={remover.state !== 'idle'}
            aria-label={t('companyEdit.removeAlias', { alias: alias.text })}
          >
            {t('companyEdit.remove')}
          </button>
        </remover.Form>
      ) : null}
      {reason ? (
        <p className="alias-reason">
          {reason}
          {alias?.isAmbiguous ? ` ${t('alias.overrideHint')}` : ''}
        </p>
      ) : null}
      {message ? (
        <p className="field-error alias-error" role="alert">
          {message}
        </p>
      ) : null}
      {result?.ok ? <SavedNotice notice={result.notice} /> : null}
    </div>
  )
}
