import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, type ShouldRevalidateFunction, useLoaderData } from '@remix-run/react'

import { CloseWeek } from '#app/components/meeting/close-week.tsx'
import { DiscussSlide } from '#app/components/meeting/discuss-slide.tsx'
import { DocumentsSlide } from '#app/components/meeting/documents-slide.tsx'
import { ExhaustionSlide } from '#app/components/meeting/exhaustion-slide.tsx'
import { exportName } from '#app/components/meeting/export-png.ts'
import { HistorySlide } from '#app/components/meeting/history-slide.tsx'
import { MatrixSlide } from '#app/components/meeting/matrix-slide.tsx'
import { renderMeetingCharts } from '#app/components/meeting/meeting-charts.server.tsx'
import { MeetingToolbar } from '#app/components/meeting/meeting-toolbar.tsx'
import { MembershipSlide } from '#app/components/meeting/membership-slide.tsx'
import { MentionsSlide } from '#app/components/meeting/mentions-slide.tsx'
import { MovesSlide } from '#app/components/meeting/moves-slide.tsx'
import { NotesForm } from '#app/components/meeting/notes-form.tsx'
import { PresentControls, usePresentMode } from '#app/components/meeting/present-mode.tsx'
import { WatchlistSlide } from '#app/components/meeting/watchlist-slide.tsx'
import { requireRole, requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { readColorScheme } from '#app/http/color-scheme.server.ts'
import { badRequest, formError, parseForm, readFormData } from '#app/http/forms.server.ts'
import { echoValues, notFound, refusalResponse, requireFound } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  closeMeetingWeeks,
  loadMeetingView,
  openMeetingWeeks,
  resolveMeetingTheme,
  saveMeetingNotes,
} from '#app/models/meeting/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { loadMeetingMembership } from '#app/models/theme/index.server.ts'
import { MeetingIntentSchema, MeetingNotesSchema } from '#app/schemas/meeting.server.ts'
import { MEETING_TEXT_MAX } from '#app/schemas/meeting-limits.ts'
import conflictStyles from '#app/styles/edit-conflict.css'
import meetingStyles from '#app/styles/meeting.css'
import scoringStyles from '#app/styles/scoring.css'
import { conflictExtra } from '#app/utils/edit-conflict.ts'
import { parseIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'

// The weekly meeting: one ISO week of one theme as it stood when the week ended (team
// time zone), as eight slides, presented full screen, printed one slide per landscape
// page, or exported as XLSX. The lead's notes are saved here and open the next meeting.

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: scoringStyles },
  { rel: 'stylesheet', href: meetingStyles },
  { rel: 'stylesheet', href: conflictStyles },
]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data?.theme, data ? { key: 'meeting.title', params: { week: data.week } } : null)

function requireWeek(value: string | undefined): string {
  if (!value || !parseIsoWeek(value)) throw notFound('meeting.weekNotFound', { week: value ?? '' })
  return value
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  const user = await requireUser(request, context)
  const week = requireWeek(params.week)
  const url = new URL(request.url)
  const requested = url.searchParams.get('theme')
  const [{ themes, theme }, currentWeek, colorScheme] = await Promise.all([
    resolveMeetingTheme(context.db, requested),
    currentTeamWeek(context.db),
    readColorScheme(request),
  ])
  if (requested && !theme) throw notFound('meeting.themeNotFound', { slug: requested })
  const base = {
    week,
    currentWeek,
    colorScheme,
    previousWeek: shiftIsoWeek(week, -1),
    nextWeek: week < currentWeek ? shiftIsoWeek(week, 1) : null,
    themes: themes.map(({ slug, nameEn, nameZh }) => ({
      slug,
      nameEn,
      nameZh,
    })),
  }
  if (!theme)
    return json({
      ...base,
      theme: null,
      view: null,
      charts: null,
      previous: null,
      notesHtml: '',
      actionsHtml: '',
      canEdit: false,
      canReopen: false,
      membership: null,
    })
  const view = await loadMeetingView(context.db, theme, week)
  // Joined and left since the previous meeting, as the week ended (decision 039).
  const membership = await loadMeetingMembership(context.db, theme.id, { from: new Date(view.previousWeekEnd), to: new Date(view.asOf) })
  const locale = await resolveLocale(request, user)
  const charts = renderMeetingCharts(view, {
    locale,
    scheme: colorScheme,
    themeId: theme.id,
  })
  const previous = view.previousNotes
    ? {
        week: view.previousNotes.week,
        notesHtml: renderMarkdown(view.previousNotes.notesMd),
        actionsHtml: renderMarkdown(view.previousNotes.actionsMd),
      }
    : null
  return json({
    ...base,
    theme: { slug: theme.slug, nameEn: theme.nameEn, nameZh: theme.nameZh },
    view,
    charts,
    previous,
    notesHtml: view.notes ? renderMarkdown(view.notes.notesMd) : '',
    actionsHtml: view.notes ? renderMarkdown(view.notes.actionsMd) : '',
    canEdit: roleAllows(user.role, 'analyst') && week <= currentWeek,
    canReopen: roleAllows(user.role, 'admin'),
    membership,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const week = requireWeek(params.week)
  const requested = new URL(request.url).searchParams.get('theme')
  const theme = requireFound((await resolveMeetingTheme(context.db, requested)).theme, 'meeting.themeNotFound', { slug: requested ?? '' })
  const form = await readFormData(request)
  const intent = await parseForm(request, MeetingIntentSchema, form)
  if (!intent.ok) return badRequest(intent)
  const actor = { id: user.id, ip: context.clientIp }
  if (intent.data.intent !== 'notes') {
    if (week > (await currentTeamWeek(context.db))) return formError('form', 'meeting.close.futureWeek', {})
    if (intent.data.intent === 'open') {
      await requireRole(request, context, 'admin')
      await openMeetingWeeks(context.db, actor, theme.id, week)
    } else await closeMeetingWeeks(context.db, actor, theme.id, week)
    return json({ ok: true, intent: intent.data.intent })
  }
  const parsed = await parseForm(request, MeetingNotesSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  if (week > (await currentTeamWeek(context.db)))
    return formError('form', 'meeting.notes.futureWeek', {
      notesMd: parsed.data.notesMd,
      actionsMd: parsed.data.actionsMd,
    })
  const { version, ...notes } = parsed.data
  try {
    const outcome = await saveMeetingNotes(context.db, actor, theme.id, week, notes, version)
    return json({ ok: true, outcome })
  } catch (error) {
    // Someone saved other notes since this form was opened: theirs and the typed ones both go back.
    return refusalResponse(error, echoValues(parsed.form), conflictExtra(error))
  }
}

// Moving between slides or in and out of present mode changes only the URL.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod !== 'GET') return defaultShouldRevalidate
  const strip = (url: URL) => {
    const params = new URLSearchParams(url.search)
    params.delete('slide')
    params.delete('present')
    params.sort()
    return `${url.pathname}?${params}`
  }
  return strip(currentUrl) === strip(nextUrl) ? false : defaultShouldRevalidate
}

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>()
  const { t, locale } = useI18n()
  const { presenting, slide, params, notesOpen, setNotesOpen } = usePresentMode()
  if (!data.theme || !data.view || !data.charts) {
    return (
      <div className="stack">
        <h1>{t('meeting.title', { week: data.week })}</h1>
        <p className="muted">{t('meeting.noThemes')}</p>
        <p>
          <Link to="/themes/new">{t('meeting.createTheme')}</Link>
        </p>
      </div>
    )
  }
  const { view, charts, theme } = data
  const label = `${localName(locale, theme)} · ${view.week}`
  const fileName = exportName(theme.slug, view.week)
  const at = (n: number) => presenting && slide === n
  return (
    <div className={`meeting${presenting ? ' is-presenting' : ''}${presenting && notesOpen ? ' notes-open' : ''}`}>
      <header className="meeting-head">
        <h1>
          {t('meeting.heading', {
            theme: localName(locale, theme),
            week: view.week,
          })}
        </h1>
        <p className="muted">
          {view.isPast
            ? t('meeting.asOfPast', { date: view.asOfDate })
            : data.week > data.currentWeek
              ? t('meeting.asOfFuture')
              : t('meeting.asOfNow')}
        </p>
      </header>
      <MeetingToolbar
        themes={data.themes}
        themeSlug={theme.slug}
        week={data.week}
        previousWeek={data.previousWeek}
        nextWeek={data.nextWeek}
        currentWeek={data.currentWeek}
        colorScheme={data.colorScheme}
        params={params}
      />
      <CloseWeek
        week={view.week}
        previous={data.previousWeek}
        closed={view.closed}
        canClose={data.canEdit}
        canOpen={data.canReopen}
        action={`/meetings/${view.week}?theme=${encodeURIComponent(theme.slug)}`}
      />
      <div className="slides">
        <MatrixSlide view={view} charts={charts} previous={data.previous} current={at(1)} label={label} fileName={fileName} />
        <MovesSlide view={view} themeSlug={theme.slug} current={at(2)} label={label} />
        <DiscussSlide view={view} current={at(3)} label={label} />
        <HistorySlide view={view} charts={charts} current={at(4)} label={label} fileName={fileName} />
        <MentionsSlide view={view} charts={charts} current={at(5)} label={label} fileName={fileName} />
        <WatchlistSlide view={view} current={at(6)} label={label} />
        {data.membership ? <MembershipSlide membership={data.membership} current={at(7)} label={label} /> : null}
        <ExhaustionSlide view={view} charts={charts} current={at(8)} label={label} fileName={fileName} />
        <DocumentsSlide view={view} charts={charts} current={at(9)} label={label} fileName={fileName} />
      </div>
      {presenting ? <PresentControls params={params} slide={slide} onNotes={() => setNotesOpen(!notesOpen)} /> : null}
      <NotesForm
        week={view.week}
        notes={view.notes}
        notesHtml={data.notesHtml}
        actionsHtml={data.actionsHtml}
        canEdit={data.canEdit}
        maxLength={MEETING_TEXT_MAX}
        action={`/meetings/${view.week}?theme=${encodeURIComponent(theme.slug)}`}
        panel={presenting ? { open: notesOpen, onClose: () => setNotesOpen(false) } : undefined}
      />
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
