import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, isRouteErrorResponse, useLoaderData, useParams, useRouteError } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page.tsx'
import { CompanyChip } from '#app/components/company-chip.tsx'
import { localName, formatDate, useI18n, type MessageKey } from '#app/i18n/index.ts'
import { getThemeBySlug } from '#app/models/theme.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { z } from 'zod'

const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `ThemeRadar · ${data.theme.nameEn}` : 'ThemeRadar' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const slug = SlugSchema.safeParse(params.slug)
  const found = slug.success ? await getThemeBySlug(context.db, slug.data) : null
  if (!found) throw json({ slug: params.slug }, { status: 404 })
  return json({ ...found, thesisHtml: renderMarkdown(found.theme.thesisMd) })
}

const VENDOR_TYPES = ['big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform'] as const
const REGIONS = ['domestic', 'overseas'] as const

export default function ThemePage() {
  const { t, locale } = useI18n()
  const { theme, thesisHtml, risks, catalysts, subThemes, segments, companies, estimates } = useLoaderData<typeof loader>()
  const text = (p: { textEn: string; textZh: string }) => (locale === 'zh-CN' ? p.textZh || p.textEn : p.textEn || p.textZh)
  return (
    <article className="stack-lg theme-page">
      <header className="page-header">
        {theme.parentSlug ? (
          <p className="muted small">
            <Link to={`/themes/${theme.parentSlug}`}>{t('theme.parent', { name: localName(locale, { nameEn: theme.parentNameEn ?? '', nameZh: theme.parentNameZh ?? '' }) })}</Link>
          </p>
        ) : null}
        <h1>{localName(locale, theme)}</h1>
        <p className="chips">
          <span className={`badge stance-${theme.stance}`}>
            {t('theme.stance')}: {t(`stance.${theme.stance}` as MessageKey)}
          </span>
          <span className="badge">
            {t('theme.status')}: {t(`status.${theme.status}` as MessageKey)}
          </span>
        </p>
      </header>

      <div className="theme-grid">
        <section className="card thesis" aria-labelledby="thesis-heading">
          <h2 id="thesis-heading">{t('theme.thesis')}</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: thesisHtml }} />
        </section>
        <aside className="stack">
          <section className="card" aria-labelledby="risks-heading">
            <h2 id="risks-heading">{t('theme.risks')}</h2>
            <ul className="point-list risk">
              {risks.map((p) => (
                <li key={p.id}>{text(p)}</li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="catalysts-heading">
            <h2 id="catalysts-heading">{t('theme.catalysts')}</h2>
            <ul className="point-list catalyst">
              {catalysts.map((p) => (
                <li key={p.id}>
                  {text(p)}
                  {p.expectedOn ? <span className="muted small"> · {formatDate(locale, p.expectedOn)}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          {subThemes.length ? (
            <section className="card">
              <h2>{t('theme.subThemes')}</h2>
              <ul>
                {subThemes.map((s) => (
                  <li key={s.slug}>
                    <Link to={`/themes/${s.slug}`}>{localName(locale, s)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>

      <section className="card" aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t('theme.applications')}</h2>
        <div className="two-col">
          {(['2B', '2C'] as const).map((audience) => (
            <div key={audience}>
              <h3>{t(audience === '2B' ? 'theme.segments2B' : 'theme.segments2C')}</h3>
              <ul className="segment-list">
                {segments
                  .filter((s) => s.audience === audience)
                  .map((s) => (
                    <li key={s.id}>
                      <strong>{localName(locale, s)}</strong>
                      {s.companies.length ? (
                        <span className="chips">
                          {s.companies.map((c) => (
                            <Link key={c.id} className="chip" to={`/companies/${c.id}`}>
                              {localName(locale, c)}
                            </Link>
                          ))}
                        </span>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="vendors-heading">
        <h2 id="vendors-heading">{t('theme.vendorMap')}</h2>
        {companies.length === 0 ? <p className="muted">{t('theme.noCompanies')}</p> : null}
        <div className="two-col vendor-map">
          {REGIONS.map((region) => (
            <div key={region}>
              <h3>{t(`region.${region}` as MessageKey)}</h3>
              {VENDOR_TYPES.map((type) => {
                const group = companies.filter((c) => c.region === region && c.vendorType === type)
                if (!group.length) return null
                return (
                  <div key={type} className="vendor-group">
                    <h4>{t(`vendor.${type}` as MessageKey)}</h4>
                    <ul className="company-list">
                      {group.map((c) => (
                        <li key={c.id}>
                          <CompanyChip company={c} />
                          <span className="chips">
                            <span className={`badge role-${c.role}`}>{t(`companyRole.${c.role}` as MessageKey)}</span>
                            <span className={`badge exposure-${c.exposure}`}>{t(`exposure.${c.exposure}` as MessageKey)}</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )
              })}
            </div>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">{t('theme.dataExhaustion')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('theme.dataStock')}</th>
              <th scope="col">{t('theme.exhaustedBy')}</th>
              <th scope="col">{t('theme.estimateSource')}</th>
              <th scope="col">{t('theme.estimatedOn')}</th>
              <th scope="col">{t('common.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {estimates.map((e) => (
              <tr key={e.stockId}>
                <td>{localName(locale, e)}</td>
                <td className="nowrap">
                  {e.yearFrom}–{e.yearTo}
                </td>
                <td>{e.source}</td>
                <td className="nowrap">{formatDate(locale, e.estimatedOn)}</td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const params = useParams()
  const { t } = useI18n()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorPage status={status} message={status === 404 ? t('theme.notFound', { slug: params.slug ?? '' }) : undefined} />
}
