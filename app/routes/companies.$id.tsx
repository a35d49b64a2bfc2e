import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { AliasEditor, AliasTable } from '#app/components/company-alias-editor.tsx'
import { CompanyCoMentions } from '#app/components/company-comentions.tsx'
import { type EditResult } from '#app/components/company-edit-form.tsx'
import { ProfileEditor } from '#app/components/company-profile-editor.tsx'
import { ModalityEditor, TickerEditor } from '#app/components/company-ticker-editor.tsx'
import { CompanyMentions } from '#app/components/mentions/company-mentions.tsx'
import { requireRole, requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { parseForm, readFormData } from '#app/http/forms.server.ts'
import { requireFound, requireIdParam } from '#app/http/refusal.server.ts'
import { formatDate, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  addTicker,
  CompanyEditError,
  getCompany,
  listCoMentions,
  listCompanyNames,
  listModalityOptions,
  problemMessage,
  removeTicker,
  setCompanyModalities,
  setPrimaryTicker,
  updateCompanyProfile,
} from '#app/models/company/index.server.ts'
import { listCompanyMentionWeeks, listLatestSnippets } from '#app/models/mentions/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { CompanyEditSchema, messageCode } from '#app/schemas/company.ts'
import { addCompanyAlias, removeCompanyAlias, updateCompanyAlias } from '#app/services/company/alias-edits.server.ts'
import styles from '#app/styles/company.css'
import mentionStyles from '#app/styles/mentions.css'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'
import { formatTicker, parseTicker } from '#app/utils/ticker.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: mentionStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.company)

/** Weeks of mentions the company page charts, ending with the current week. */
const MENTION_WEEKS = 26

function companyId(params: LoaderFunctionArgs['params']): number {
  return requireIdParam(params.id, 'company.notFound')
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const id = companyId(params)
  const found = requireFound(await getCompany(context.db, id), 'company.notFound', { id: String(id) })
  const canEdit = roleAllows(user.role, 'analyst')
  // Viewers get no edit data: the controls are hidden from them (the action refuses them anyway).
  const [parents, modalityOptions] = canEdit ? await Promise.all([listCompanyNames(context.db), listModalityOptions(context.db)]) : [[], []]
  const week = await currentTeamWeek(context.db)
  const [mentionWeeks, snippets] = await Promise.all([
    listCompanyMentionWeeks(context.db, id, { from: shiftIsoWeek(week, -(MENTION_WEEKS - 1)), to: week }),
    listLatestSnippets(context.db, id, 8),
  ])
  const coMentions = await listCoMentions(context.db, id, week)
  return json({
    ...found,
    notesHtml: renderMarkdown(found.company.notesMd),
    canEdit,
    parents: parents.filter((p) => p.id !== id),
    modalityOptions,
    mentionWeeks,
    snippets,
    coMentions,
  })
}

// Names the form that was posted, so a plain (no-JavaScript) post shows errors on the right row.
function targetOf(form: FormData): string {
  const intent = String(form.get('intent') ?? '')
  const ref = String(form.get('aliasId') ?? form.get('tickerId') ?? 'new')
  if (intent === 'addAlias' || intent === 'updateAlias') return `alias:${ref}`
  if (intent === 'removeAlias') return `removeAlias:${ref}`
  if (intent === 'addTicker' || intent === 'removeTicker' || intent === 'primaryTicker') return `ticker:${ref}`
  return intent
}

const reply = (
  target: string,
  errors: Record<string, string> = {},
  values: Record<string, string> = {},
  status = 200,
  notice?: EditResult['notice'],
) => json<EditResult>({ ok: Object.keys(errors).length === 0, target, errors, values, ...(notice ? { notice } : {}) }, { status })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const id = companyId(params)
  const form = await readFormData(request)
  const target = targetOf(form)
  const parsed = await parseForm(request, CompanyEditSchema, form)
  if (!parsed.ok) return reply(target, parsed.errors, parsed.values, 400)
  const actor = { id: user.id, ip: context.clientIp }
  const input = parsed.data
  try {
    switch (input.intent) {
      case 'profile':
        await updateCompanyProfile(context.db, actor, id, input)
        break
      case 'addTicker': {
        const ticker = parseTicker(input.ticker)
        if (!ticker)
          return reply(
            target,
            { ticker: messageCode('companyEdit.tickerInvalid', { ticker: input.ticker }) },
            { ticker: input.ticker },
            400,
          )
        await addTicker(context.db, actor, id, ticker, input.primary)
        break
      }
      case 'removeTicker':
        await removeTicker(context.db, actor, id, input.tickerId)
        break
      case 'primaryTicker':
        await setPrimaryTicker(context.db, actor, id, input.tickerId)
        break
      // Alias edits re-match the company's history; the row says so and links to the job.
      case 'addAlias': {
        const saved = await addCompanyAlias(context.db, actor, id, input)
        return reply(target, {}, {}, 200, {
          key: saved.ambiguousReason?.endsWith('_word') ? 'alias.addedOrdinary' : 'alias.added',
          jobId: saved.jobId,
        })
      }
      case 'updateAlias': {
        const saved = await updateCompanyAlias(context.db, actor, id, input.aliasId, input)
        return reply(target, {}, {}, 200, saved.jobId ? { key: 'alias.saved', jobId: saved.jobId } : undefined)
      }
      case 'removeAlias':
        return reply(target, {}, {}, 200, {
          key: 'alias.removed',
          jobId: (await removeCompanyAlias(context.db, actor, id, input.aliasId)).jobId,
        })
      case 'modalities':
        await setCompanyModalities(context.db, actor, id, input.modalityIds)
        break
    }
    return reply(target)
  } catch (error) {
    if (!(error instanceof CompanyEditError)) throw error
    const { code, status } = problemMessage(error.problem, await resolveLocale(request, user))
    const field = { alias: 'text' }[error.problem.field as string] ?? error.problem.field
    return reply(target, { [field]: code }, {}, status)
  }
}

export default function CompanyPage() {
  const { t, locale, timeZone } = useI18n()
  const data = useLoaderData<typeof loader>()
  const { company, tickers, aliases, themes, watchlists, modalities, mentionCount, notesHtml, canEdit } = data
  const other = locale === 'zh-CN' ? company.nameEn : company.nameZh
  return (
    <article className="stack-lg company-page">
      <header className="page-header">
        <p className="muted small">
          <Link to="/companies">{t('companies.title')}</Link>
        </p>
        <h1>
          {localName(locale, company)}{' '}
          {other && other !== localName(locale, company) ? <span className="muted subtitle">{other}</span> : null}
        </h1>
        <p className="chips">
          <span className="badge">{labelOf(t, 'region', company.region)}</span>
          <span className="badge">{labelOf(t, 'vendor', company.vendorType)}</span>
          <span className="badge">{company.isListed ? t('listing.listed') : t('listing.private')}</span>
          {tickers.map((ticker) => (
            <span key={ticker.id} className="ticker">
              {formatTicker(ticker)}
            </span>
          ))}
          {company.parentId ? (
            <Link to={`/companies/${company.parentId}`} className="chip">
              {t('company.parent', { name: localName(locale, { nameEn: company.parentNameEn ?? '', nameZh: company.parentNameZh ?? '' }) })}
            </Link>
          ) : null}
          {company.website ? (
            <a href={company.website} className="chip" rel="noopener noreferrer nofollow" target="_blank">
              {company.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          ) : null}
        </p>
      </header>

      <div className="company-top">
        <section className="card stack" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('company.profile')}</h2>
          {notesHtml ? (
            <div className="prose" dangerouslySetInnerHTML={{ __html: notesHtml }} />
          ) : (
            <p className="muted">{t('companyEdit.noNotes')}</p>
          )}
          {canEdit ? <ProfileEditor data={data} /> : null}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="tickers-heading">
            <h2 id="tickers-heading">{t('company.tickers')}</h2>
            {canEdit ? (
              <TickerEditor tickers={tickers} />
            ) : tickers.length ? (
              <p className="chips">
                {tickers.map((ticker) => (
                  <span key={ticker.id} className="ticker">
                    {formatTicker(ticker)}
                  </span>
                ))}
              </p>
            ) : (
              <p className="muted">{t('company.noTickers')}</p>
            )}
          </section>
          <section className="card" aria-labelledby="modalities-heading">
            <h2 id="modalities-heading">{t('company.modalities')}</h2>
            {canEdit ? (
              <ModalityEditor options={data.modalityOptions} chosen={modalities.map((m) => m.id)} />
            ) : (
              <p className="chips">
                {modalities.length ? (
                  modalities.map((m) => (
                    <span key={m.slug} className="chip">
                      {localName(locale, m)}
                    </span>
                  ))
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </p>
            )}
          </section>
        </div>
      </div>

      <section className="card" aria-labelledby="aliases-heading">
        <h2 id="aliases-heading">{t('company.aliases')}</h2>
        {canEdit ? <AliasEditor aliases={aliases} /> : <AliasTable aliases={aliases} />}
      </section>

      <div className="company-bottom">
        <section className="card" aria-labelledby="themes-heading">
          <h2 id="themes-heading">{t('company.themes')}</h2>
          {themes.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
          <ul className="plain-list">
            {themes.map((theme) => (
              <li key={theme.slug}>
                <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>{' '}
                <span className="badge">{labelOf(t, 'companyRole', theme.role)}</span>{' '}
                <span className="badge">{labelOf(t, 'exposure', theme.exposure)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="watchlists-heading">
          <h2 id="watchlists-heading">{t('company.watchlists')}</h2>
          {watchlists.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
          <ul className="plain-list">
            {watchlists.map((w) => (
              <li key={w.id}>
                <Link to={`/watchlists/${w.id}`}>{w.name}</Link>{' '}
                <span className="muted small">{formatDate(locale, w.addedAt, timeZone)}</span>
                {w.rationale ? <p className="small">{w.rationale}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card" aria-labelledby="mentions-heading" id="mentions">
        <h2 id="mentions-heading">
          {t('company.mentions')} <span className="muted small">{mentionCount}</span>
        </h2>
        <CompanyMentions weeks={data.mentionWeeks} snippets={data.snippets} />
        <CompanyCoMentions data={data.coMentions} />
      </section>
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
