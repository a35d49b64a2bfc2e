import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, type ShouldRevalidateFunction, useLoaderData } from '@remix-run/react'

import { CloseWeek } from '#app/components/meeting/close-week.tsx'
import { renderMeetingCharts } from '#app/components/meeting/meeting-charts.server.tsx'
import { MeetingToolbar } from '#app/components/meeting/meeting-toolbar.tsx'
import { NotesForm } from '#app/components/meeting/notes-form.tsx'
import { meetingPageView } from '#app/components/meeting/page-view.ts'
import { PresentControls, usePresentMode } from '#app/components/meeting/present-mode.tsx'
import { deckSize, MeetingThemesPicker, ThemeSlides } from '#app/components/meeting/theme-slides.tsx'
import { requireRole, requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { readColorScheme } from '#app/http/color-scheme.server.ts'
import { badRequest, formError, parseForm, readFormData } from '#app/http/forms.server.ts'
import { echoValues, notFound, refusalResponse, requireFound } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  closeMeetingWeeks,
  listMeetingExtraThemeIds,
  loadMeetingView,
  type MeetingTheme,
  openMeetingWeeks,
  resolveMeetingTheme,
  saveMeetingNotes,
  setMeetingThemes,
} from '#app/models/meeting/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { loadMeetingMembership } from '#app/models/theme/index.server.ts'
import { MeetingIntentSchema, MeetingNotesSchema, MeetingThemesSchema } from '#app/schemas/meeting.server.ts'
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
      more: [],
    })
  const [locale, extraIds] = await Promise.all([resolveLocale(request, user), listMeetingExtraThemeIds(context.db, theme.id, week)])
  // The meeting's own theme, then the further ones the lead picked (decision 040).
  const loadGroup = async (t: MeetingTheme) => {
    const view = await loadMeetingView(context.db, t, week)
    // Joined and left since the previous meeting, as the week ended (decision 039).
    const membership = await loadMeetingMembership(context.db, t.id, { from: new Date(view.previousWeekEnd), to: new Date(view.asOf) })
    const charts = renderMeetingCharts(view, { locale, scheme: colorScheme })
    const previous = view.previousNotes
      ? {
          week: view.previousNotes.week,
          notesHtml: renderMarkdown(view.previousNotes.notesMd),
          actionsHtml: renderMarkdown(view.previousNotes.actionsMd),
        }
      : null
    return { theme: { slug: t.slug, nameEn: t.nameEn, nameZh: t.nameZh }, view: meetingPageView(view), charts, previous, membership }
  }
  const extras = extraIds.flatMap((id) => themes.filter((t) => t.id === id))
  const [main, ...more] = await Promise.all([theme, ...extras].map(loadGroup))
  const { view, charts, previous, membership } = main
  return json({
    ...base,
    theme: main.theme,
    view,
    charts,
    previous,
    more,
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
  if (intent.data.intent === 'themes') {
    const picked = await parseForm(request, MeetingThemesSchema, form)
    if (!picked.ok) return badRequest(picked)
    const slugs = [picked.data.themes ?? []].flat()
    const { themes } = await resolveMeetingTheme(context.db, null)
    const ids = slugs.map((slug) => themes.find((t) => t.slug === slug)?.id)
    if (ids.some((id) => id == null)) return formError('themes', 'meeting.themes.unknown', {})
    await setMeetingThemes(context.db, actor, theme.id, week, ids as number[])
    return json({ ok: true, intent: 'themes' })
  }
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
  const { presenting, slide, params, notesOpen, setNotesOpen } = usePresentMode(deckSize(1 + data.more.length))
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
  const { view, theme } = data
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
      {data.canEdit ? (
        <MeetingThemesPicker
          themes={data.themes.filter((t) => t.slug !== theme.slug)}
          picked={data.more.map((g) => g.theme.slug)}
          action={`/meetings/${view.week}?theme=${encodeURIComponent(theme.slug)}`}
        />
      ) : null}
      <div className="slides">
        {[data, ...data.more].map((group, i) => (
          <ThemeSlides
            key={group.theme.slug}
            group={{ theme: group.theme, view: group.view, charts: group.charts, previous: group.previous, membership: group.membership }}
            index={i}
            count={1 + data.more.length}
            presenting={presenting}
            slide={slide}
          />
        ))}
      </div>
      {presenting ? (
        <PresentControls params={params} slide={slide} total={deckSize(1 + data.more.length)} onNotes={() => setNotesOpen(!notesOpen)} />
      ) : null}
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
