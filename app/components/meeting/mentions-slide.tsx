import { percent, ShareTable } from '#app/components/charts/share-table.tsx'
import { AlertList } from '#app/components/mentions/mention-tables.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'

import { BarTable } from './bar-table.tsx'
import { ChartImage, PngButton } from './chart-image.tsx'
import { NewNamesTop } from './new-names-top.tsx'
import { Slide } from './slide.tsx'
import { type MeetingCharts, type MeetingData, TOP_COMPANIES_SHOWN } from './types.ts'

// Slide 5: who was talked about this week: the most mentioned companies, the share of
// voice of domestic and overseas companies, the movers against their trailing average,
// and the alerts raised (the week's count now, and what each was raised at). Domestic is blue and overseas vermillion, here and in the share.

export const regionColour = (region: string) => (region === 'domestic' ? 0 : 5)

const oneDecimal = (n: number) => Math.round(n * 10) / 10

interface Props {
  view: MeetingData
  charts: MeetingCharts
  current: boolean
  label: string
  fileName: string
}

export function MentionsSlide({ view, charts, current, label, fileName }: Props) {
  const { t, locale } = useI18n()
  const { top, movers, shareOfVoice, alerts } = view.mentions
  const regionTotal = shareOfVoice.byRegion.reduce((sum, r) => sum + r.mentions, 0)
  const shareTitle = t('meeting.mentions.share')
  const shareParts = shareOfVoice.byRegion.map((r) => ({
    key: r.region,
    label: labelOf(t, 'region', r.region),
    mentions: r.mentions,
  }))
  return (
    <Slide id="mentions" current={current} label={label} empty={top.length === 0 && alerts.length === 0}>
      <div className="mentions-layout">
        <section aria-labelledby="top-mentions-title">
          <h3 id="top-mentions-title">{t('meeting.mentions.top')}</h3>
          <BarTable
            caption={t('meeting.mentions.topCaption', { week: view.week })}
            labelHeader={t('meeting.mentions.company')}
            valueHeader={t('meeting.mentions.mentions')}
            rows={top.slice(0, TOP_COMPANIES_SHOWN).map((c) => ({
              key: c.companyId,
              value: c.mentions,
              colour: regionColour(c.region),
              label: (
                <>
                  <a href={`/companies/${c.companyId}`}>{localName(locale, c)}</a>
                  <span className="region-tag">{labelOf(t, 'region', c.region)}</span>
                </>
              ),
            }))}
          />
          {charts.topCompanies ? (
            <p className="chart-tools">
              <PngButton chart={charts.topCompanies} fileName={`${fileName}-top-companies`} title={t('meeting.mentions.top')} />
            </p>
          ) : null}
        </section>
        <div className="mentions-side">
          <section aria-labelledby="share-title">
            <h3 id="share-title">{shareTitle}</h3>
            {charts.share && regionTotal ? (
              <ChartImage
                chart={charts.share}
                title={shareTitle}
                summary={shareParts.map((p) => `${p.label} ${percent(p.mentions, regionTotal)}%`).join(', ')}
                fileName={`${fileName}-share-of-voice`}
                table={
                  <ShareTable
                    parts={shareParts}
                    labels={{
                      part: t('company.region'),
                      mentions: t('meeting.mentions.mentions'),
                      share: shareTitle,
                    }}
                  />
                }
              />
            ) : (
              <p className="muted">{t('meeting.mentions.noShare')}</p>
            )}
          </section>
          <section aria-labelledby="movers-title">
            <h3 id="movers-title">{t('meeting.mentions.movers')}</h3>
            {movers.length ? (
              <ul className="plain-list movers">
                {movers.slice(0, 5).map((m) => (
                  <li key={m.companyId}>
                    <span className={m.change >= 1 ? 'move-up' : 'move-down'}>{m.change >= 1 ? '↑' : '↓'}</span> {localName(locale, m)}{' '}
                    <span className="muted">
                      {t('meeting.mentions.moverDetail', {
                        now: m.thisWeek,
                        avg: oneDecimal(m.trailingAvg),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('meeting.mentions.noMovers')}</p>
            )}
          </section>
          <section aria-labelledby="alerts-title">
            <h3 id="alerts-title">{t('meeting.mentions.alerts')}</h3>
            {/* The week's count now and the count it was raised at, each linked to its documents, as on /mentions. */}
            {alerts.length ? (
              <AlertList alerts={alerts.slice(0, 4)} weekBadge={false} />
            ) : (
              <p className="muted">{t('meeting.mentions.noAlerts')}</p>
            )}
          </section>
          <NewNamesTop names={view.newNames} week={view.week} />
        </div>
      </div>
    </Slide>
  )
}
