import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, isRouteErrorResponse, useLoaderData, useParams, useRouteError } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page.tsx'
import { formatDate, localName, useI18n, type MessageKey } from '#app/i18n/index.ts'
import { getCompany } from '#app/models/company.server.ts'
import { IdSchema } from '#app/schemas/common.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { formatTicker } from '#app/utils/ticker.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `ThemeRadar · ${data.company.nameEn}` : 'ThemeRadar' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const id = IdSchema.safeParse(params.id)
  const found = id.success ? await getCompany(context.db, id.data) : null
  if (!found) throw json({ id: params.id }, { status: 404 })
  return json({ ...found, notesHtml: renderMarkdown(found.company.notesMd) })
}

export default function CompanyPage() {
  const { t, locale, timeZone } = useI18n()
  const { company, tickers, aliases, themes, watchlists, modalities, mentionCount, notesHtml } = useLoaderData<typeof loader>()
  const other = locale === 'zh-CN' ? company.nameEn : company.nameZh
  return (
    <article className="stack-lg">
      <header className="page-header">
        <h1>
          {localName(locale, company)} {other ? <span className="muted subtitle">{other}</span> : null}
        </h1>
        <p className="chips">
          <span className="badge">{t(`region.${company.region}` as MessageKey)}</span>
          <span className="badge">{t(`vendor.${company.vendorType}` as MessageKey)}</span>
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
        </p>
      </header>
      <div className="two-col">
        <section className="card" aria-labelledby="aliases-heading">
          <h2 id="aliases-heading">{t('company.aliases')}</h2>
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
                  <td lang={alias.language === 'zh' ? 'zh-CN' : undefined}>{alias.text}</td>
                  <td>{t(`aliasKind.${alias.kind}` as MessageKey)}</td>
                  <td>{t(`aliasLanguage.${alias.language}` as MessageKey)}</td>
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
        </section>
        <div className="stack">
          <section className="card">
            <h2>{t('company.themes')}</h2>
            <ul>
              {themes.map((theme) => (
                <li key={theme.slug}>
                  <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>{' '}
                  <span className="badge">{t(`companyRole.${theme.role}` as MessageKey)}</span> <span className="badge">{t(`exposure.${theme.exposure}` as MessageKey)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <h2>{t('company.watchlists')}</h2>
            <ul>
              {watchlists.map((w) => (
                <li key={w.id}>
                  <strong>{w.name}</strong> <span className="muted small">{formatDate(locale, w.addedAt, timeZone)}</span>
                  {w.rationale ? <p className="small">{w.rationale}</p> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <h2>{t('company.modalities')}</h2>
            <p className="chips">
              {modalities.map((m) => (
                <span key={m.slug} className="chip">
                  {localName(locale, m)}
                </span>
              ))}
            </p>
          </section>
          <section className="card">
            <h2>{t('company.mentions')}</h2>
            <p className="muted">{mentionCount === 0 ? t('company.mentionsEmpty') : mentionCount}</p>
          </section>
          {notesHtml ? <section className="card prose" dangerouslySetInnerHTML={{ __html: notesHtml }} /> : null}
        </div>
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const params = useParams()
  const { t } = useI18n()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorPage status={status} message={status === 404 ? t('company.notFound', { id: params.id ?? '' }) : undefined} />
}
