import { useFetcher } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'

import { DiscussSlide } from './discuss-slide.tsx'
import { DocumentsSlide } from './documents-slide.tsx'
import { ExhaustionSlide } from './exhaustion-slide.tsx'
import { exportName } from './export-png.ts'
import { HistorySlide } from './history-slide.tsx'
import { MatrixSlide } from './matrix-slide.tsx'
import { MembershipSlide, type MembershipSlideData } from './membership-slide.tsx'
import { MentionsSlide } from './mentions-slide.tsx'
import { MovesSlide } from './moves-slide.tsx'
import { SlideDeck } from './slide.tsx'
import { type MeetingCharts, type MeetingData, SLIDES } from './types.ts'
import { WatchlistSlide } from './watchlist-slide.tsx'

// One theme's slides in the meeting. A meeting of several themes (decision 040) shows
// them one after another, each opened by a title slide, numbered on through the deck;
// the PDF prints them all. The picker lets the lead choose the further themes.

interface Named {
  slug: string
  nameEn: string
  nameZh: string
}

export interface ThemeGroup {
  theme: Named
  view: MeetingData
  charts: MeetingCharts
  previous: { week: string; notesHtml: string; actionsHtml: string } | null
  membership: MembershipSlideData | null
}

/** Slides in a deck of `groups` themes: a title slide per theme once there are several. */
export const deckSize = (groups: number) => (groups > 1 ? groups * (SLIDES.length + 1) : SLIDES.length)

interface Props {
  group: ThemeGroup
  index: number
  count: number
  presenting: boolean
  slide: number
}

export function ThemeSlides({ group, index, count, presenting, slide }: Props) {
  const { t, locale } = useI18n()
  const { view, charts, theme } = group
  const titled = count > 1
  const offset = titled ? index * (SLIDES.length + 1) : 0
  const first = offset + (titled ? 1 : 0)
  const at = (n: number) => presenting && slide === first + n
  const label = `${localName(locale, theme)} · ${view.week}`
  const fileName = exportName(theme.slug, view.week)
  return (
    <SlideDeck.Provider value={{ offset: first, total: deckSize(count), prefix: titled ? `${theme.slug}-` : '' }}>
      {titled ? (
        <section
          className={`slide slide-theme-title${presenting && slide === offset + 1 ? ' is-current' : ''}`}
          id={`slide-${offset + 1}`}
          data-slide={offset + 1}
          aria-labelledby={`${theme.slug}-theme-title`}
        >
          <div className="theme-title-body">
            <p className="muted">{t('meeting.themes.part', { n: index + 1, count })}</p>
            <h2 id={`${theme.slug}-theme-title`}>{localName(locale, theme)}</h2>
            <p>{t('meeting.title', { week: view.week })}</p>
          </div>
        </section>
      ) : null}
      <MatrixSlide view={view} charts={charts} previous={group.previous} current={at(1)} label={label} fileName={fileName} />
      <MovesSlide view={view} themeSlug={theme.slug} current={at(2)} label={label} />
      <DiscussSlide view={view} current={at(3)} label={label} />
      <HistorySlide view={view} charts={charts} current={at(4)} label={label} fileName={fileName} />
      <MentionsSlide view={view} charts={charts} current={at(5)} label={label} fileName={fileName} />
      <WatchlistSlide view={view} current={at(6)} label={label} />
      {group.membership ? <MembershipSlide membership={group.membership} current={at(7)} label={label} /> : null}
      <ExhaustionSlide view={view} charts={charts} current={at(8)} label={label} fileName={fileName} />
      <DocumentsSlide view={view} charts={charts} current={at(9)} label={label} fileName={fileName} />
    </SlideDeck.Provider>
  )
}

/** The lead picks the further themes this meeting covers. */
export function MeetingThemesPicker({ themes, picked, action }: { themes: Named[]; picked: string[]; action: string }) {
  const { t, locale } = useI18n()
  const fetcher = useFetcher<{ ok: boolean }>()
  if (themes.length === 0) return null
  return (
    <details className="meeting-themes">
      <summary>{t('meeting.themes.pick', { count: picked.length })}</summary>
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value="themes" />
        <fieldset>
          <legend>{t('meeting.themes.legend')}</legend>
          {themes.map((theme) => (
            <label key={theme.slug} className="checkbox">
              <input type="checkbox" name="themes" value={theme.slug} defaultChecked={picked.includes(theme.slug)} />{' '}
              {localName(locale, theme)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={fetcher.state !== 'idle'}>
          {t('meeting.themes.save')}
        </button>
      </fetcher.Form>
    </details>
  )
}
