import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'

import { MentionWeeksChart } from '#app/components/charts/mention-weeks-chart.tsx'
import { ShareOfVoiceRegionChart } from '#app/components/charts/share-of-voice-region-chart.tsx'
import { ShareOfVoiceVendorChart } from '#app/components/charts/share-of-voice-vendor-chart.tsx'
import { percent } from '#app/components/charts/share-table.tsx'
import { MentionFilters } from '#app/components/mentions/mention-filters.tsx'
import { AlertList, MoversTable, TopCompaniesTable } from '#app/components/mentions/mention-tables.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { loadMentionsDashboard } from '#app/services/mentions/mentions-dashboard.server.ts'
import styles from '#app/styles/mentions.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'mentions.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  const user = await requireUser(request, context)
  const dashboard = await loadMentionsDashboard(context.db, new URL(request.url).searchParams)
  return json({ ...dashboard, canSnooze: roleAllows(user.role, 'analyst') }, { status: Object.keys(dashboard.errors).length ? 400 : 200 })
}

const REGIONS = ['domestic', 'overseas'] as const

export default function MentionsPage() {
  const { t, locale } = useI18n()
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { view, values } = data
  const chartLabels = (title: string, summary: string) => ({
    title,
    summary,
    part: title,
    mentions: t('mentions.mentions'),
    share: t('mentions.share'),
  })
  const regionParts = view
    ? REGIONS.map((region) => ({
        key: region,
        label: labelOf(t, 'region', region),
        mentions: view.shareOfVoice.byRegion.find((r) => r.region === region)?.mentions ?? 0,
      }))
    : []
  const regionTotal = regionParts.reduce((s, p) => s + p.mentions, 0)
  const vendorRows = view
    ? view.shareOfVoice.byVendorType.map((v) => ({
        key: v.vendorType,
        label: labelOf(t, 'vendor', v.vendorType),
        mentions: v.mentions,
      }))
    : []
  const vendorTotal = vendorRows.reduce((s, r) => s + r.mentions, 0)
  const weeklyTotal = view ? view.weekly.reduce((s, w) => s + w.mentions, 0) : 0
  const peak = view?.weekly.reduce((best, w) => (w.mentions > best.mentions ? w : best), view.weekly[0])
  return (
    <div className="stack mentions-page">
      <header className="page-header">
        <h1>{t('mentions.title')}</h1>
        <p className="muted">{t('mentions.intro')}</p>
        <Link to="/mentions/new-names">{t('newnames.link')}</Link> · <Link to="/mentions/review">{t('review.queueLink')}</Link>
      </header>
      {data.rematching > 0 ? (
        <p className="notice" role="status">
          {t('review.updating', { count: data.rematching })}
        </p>
      ) : null}
      <MentionFilters
        values={values}
        typed={{
          from: data.errors.from ? (params.get('from') ?? '') : undefined,
          to: data.errors.to ? (params.get('to') ?? '') : undefined,
        }}
        errors={data.errors}
        themes={data.themes}
        watchlists={data.watchlists}
        publishers={data.publishers}
        tags={data.tags}
        currentWeek={data.currentWeek}
      />
      {view ? (
        <>
          <div className="mentions-grid">
            <div className="stack">
              <section className="card" aria-labelledby="top-heading">
                <h2 id="top-heading">
                  {t('mentions.top')} <span className="muted small">{t('mentions.range', { from: values.from, to: values.to })}</span>
                </h2>
                <TopCompaniesTable rows={view.top} />
              </section>
              <section className="card" aria-labelledby="movers-heading">
                <h2 id="movers-heading">{t('mentions.movers', { week: values.to })}</h2>
                <MoversTable rows={view.movers} week={values.to} />
                <p className="field-hint">{t('mentions.moverRule')}</p>
              </section>
            </div>
            <div className="stack">
              <section className="card" aria-labelledby="weekly-heading">
                <h2 id="weekly-heading">{t('mentions.weekly')}</h2>
                <MentionWeeksChart
                  locale={locale}
                  rows={view.weekly}
                  width={520}
                  height={180}
                  title={t('mentions.weekly')}
                  summary={
                    weeklyTotal && peak
                      ? t('mentions.weeklySummary', { total: weeklyTotal, weeks: view.weekly.length, peak: peak.week, max: peak.mentions })
                      : t('mentions.weeklyEmpty')
                  }
                />
              </section>
              <section className="card" aria-labelledby="alerts-heading">
                <h2 id="alerts-heading">{t('mentions.alerts')}</h2>
                <AlertList alerts={view.alerts} snoozes={data.snoozes} canSnooze={data.canSnooze} />
                <p className="field-hint">{t('mentions.alertRule')}</p>
              </section>
              <section className="card stack" aria-labelledby="sov-heading">
                <h2 id="sov-heading">{t('mentions.sov')}</h2>
                <h3>{t('mentions.sovRegion')}</h3>
                <ShareOfVoiceRegionChart
                  locale={locale}
                  parts={regionParts}
                  width={520}
                  labels={chartLabels(
                    t('mentions.sovRegion'),
                    t('mentions.sovSummary', {
                      parts: regionParts.map((p) => `${p.label} ${percent(p.mentions, regionTotal)}%`).join(', '),
                    }),
                  )}
                />
                <h3>{t('mentions.sovVendor')}</h3>
                <ShareOfVoiceVendorChart
                  locale={locale}
                  rows={vendorRows}
                  width={520}
                  labels={chartLabels(
                    t('mentions.sovVendor'),
                    t('mentions.sovSummary', {
                      parts: vendorRows.map((r) => `${r.label} ${percent(r.mentions, vendorTotal)}%`).join(', '),
                    }),
                  )}
                />
              </section>
            </div>
          </div>
        </>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
