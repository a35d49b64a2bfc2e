import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { type ShouldRevalidateFunction, useActionData, useLoaderData, useOutlet } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { DataExhaustionSection } from '#app/components/theme/data-exhaustion-section.tsx'
import { EstimatesSection } from '#app/components/theme/estimates-section.tsx'
import { MembershipSection } from '#app/components/theme/membership-section.tsx'
import { PointsSection } from '#app/components/theme/points-section.tsx'
import { SegmentsSection } from '#app/components/theme/segments-section.tsx'
import { SubThemes } from '#app/components/theme/sub-themes.tsx'
import type { ThemeActionResult } from '#app/components/theme/theme-form.tsx'
import { ThemeHeader } from '#app/components/theme/theme-header.tsx'
import { ThesisSection } from '#app/components/theme/thesis-section.tsx'
import { type TopicWordsResult, TopicWordsSection } from '#app/components/theme/topic-words-section.tsx'
import { VendorMap } from '#app/components/theme/vendor-map.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { estimateSeriesAction } from '#app/http/estimate-series-action.server.ts'
import { parseForm, readFormData } from '#app/http/forms.server.ts'
import { requireTheme, requireThemeId } from '#app/http/lookups.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import {
  applyThemeEdit,
  getThemeTopicWords,
  listDataStocks,
  listEstimateSeries,
  listMembershipSinceLastMeeting,
  listThemeMembersAsOfWeek,
  listThemes,
  readThesisAsOfWeek,
} from '#app/models/theme/index.server.ts'
import { TopicWordsSchema } from '#app/schemas/context-words.ts'
import { ESTIMATE_SERIES_INTENTS } from '#app/schemas/estimate-series.ts'
import { ThemeEditSchema } from '#app/schemas/theme.ts'
import { saveThemeTopicWords } from '#app/services/company/alias-edits.server.ts'
import bilingualStyles from '#app/styles/bilingual.css'
import conflictStyles from '#app/styles/edit-conflict.css'
import styles from '#app/styles/theme.css'
import { conflictExtra } from '#app/utils/edit-conflict.ts'
import { calendarDateIn, isoWeekOf, parseIsoWeek } from '#app/utils/iso-week.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { foldMarkdown } from '#app/utils/markdown-fold.ts'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: conflictStyles },
  { rel: 'stylesheet', href: bilingualStyles },
]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.theme)

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const found = await requireTheme(context, params.slug)
  // ?members=2026-W45: the vendor map's members as that week ended; a bad week is ignored.
  const membersWeek = new URL(request.url).searchParams.get('members')?.trim().toUpperCase() ?? ''
  // ?thesis=2026-W45: the thesis as that week ended, read back from its history.
  const thesisWeek = new URL(request.url).searchParams.get('thesis')?.trim().toUpperCase() ?? ''
  const thesisAsOf = parseIsoWeek(thesisWeek) ? await readThesisAsOfWeek(context.db, found.theme.id, thesisWeek) : null
  const thesis = thesisAsOf
    ? (thesisAsOf.thesis ?? { texts: { en: '', zh: '' }, stamps: { en: null, zh: null } })
    : {
        texts: { en: found.theme.thesisMd, zh: found.theme.thesisZhMd },
        stamps: { en: found.theme.thesisEnUpdatedAt, zh: found.theme.thesisZhUpdatedAt },
      }
  const [stocks, series, themes, timeZone, topicWords, membership, membersAsOf] = await Promise.all([
    listDataStocks(context.db, found.theme.id),
    listEstimateSeries(context.db, found.theme.id),
    listThemes(context.db),
    getTeamTimeZone(context.db),
    getThemeTopicWords(context.db, found.theme.id),
    listMembershipSinceLastMeeting(context.db, found.theme.id),
    parseIsoWeek(membersWeek) ? listThemeMembersAsOfWeek(context.db, found.theme.id, membersWeek) : null,
  ])
  // A theme cannot sit under itself or under one of its own sub-themes.
  const below = new Set([found.theme.id])
  for (let grew = true; grew;) {
    grew = false
    for (const t of themes) {
      if (t.parentId != null && below.has(t.parentId) && !below.has(t.id)) {
        below.add(t.id)
        grew = true
      }
    }
  }
  const { year, month, day } = calendarDateIn(new Date(), timeZone)
  return json({
    ...found,
    stocks,
    series,
    topicWords,
    membership: { lastMeetingWeek: membership.lastMeetingWeek, changes: membership.changes, asOf: membersAsOf },
    currentWeek: isoWeekOf(new Date(), timeZone),
    thesis: { en: thesis.texts.en, zh: thesis.texts.zh, enUpdatedAt: thesis.stamps.en, zhUpdatedAt: thesis.stamps.zh },
    thesisAsOf: thesisAsOf ? { week: thesisAsOf.week, existed: thesisAsOf.thesis != null } : null,
    thesisHtml: { en: foldedHtml(thesis.texts.en), zh: foldedHtml(thesis.texts.zh) },
    parentOptions: themes.filter((t) => !below.has(t.id)).map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
    canEdit: roleAllows(user.role, 'analyst'),
    today: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  })
}

/** One language of the thesis as HTML, cut where a long one folds. */
function foldedHtml(markdown: string) {
  const { head, rest, restBlocks } = foldMarkdown(markdown)
  return { headHtml: renderMarkdown(head), restHtml: rest ? renderMarkdown(rest) : '', restBlocks }
}

const result = (body: ThemeActionResult, status = 200) => json<ThemeActionResult>(body, { status })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const themeId = await requireThemeId(context, params.slug)
  let form: FormData
  try {
    form = await readFormData(request)
  } catch (error) {
    // Over the size limit (a 10 MB thesis): say so on the form that sent it, change nothing.
    if (error instanceof Response && error.status === 413)
      return result({ ok: false, formKey: '', errors: { form: 'themeEdit.tooLarge' }, values: {} }, 413)
    throw error
  }
  const formKey = String(form.get('formKey') ?? '').slice(0, 100)
  if (ESTIMATE_SERIES_INTENTS.includes(String(form.get('intent'))))
    return estimateSeriesAction(request, form, context.db, { id: user.id, ip: context.clientIp }, themeId, formKey)
  if (form.get('intent') === 'topicWords') return saveTopicWords(request, form, { id: user.id, ip: context.clientIp }, context, themeId)
  const parsed = await parseForm(request, ThemeEditSchema, form)
  if (!parsed.ok) return result({ ...parsed, formKey }, 400)
  const input = parsed.data
  if (input.intent === 'preview')
    return result({ ok: true, formKey, previewHtml: renderMarkdown(input.thesisMd), previewZhHtml: renderMarkdown(input.thesisZhMd ?? '') })
  try {
    await applyThemeEdit(context.db, { id: user.id, ip: context.clientIp }, themeId, input)
  } catch (error) {
    // Echo what was typed so a plain post (no JavaScript) shows the form as it was sent;
    // a stale save also carries what is saved now (their text and its version).
    return refusalResponse(error, echoValues(form), { formKey, ...conflictExtra(error) })
  }
  return result({ ok: true, formKey })
}

// Topic words change how mentions are found, so they are saved with a re-match of the
// companies they can affect (app/services/company/alias-edits.server.ts).
async function saveTopicWords(
  request: Request,
  form: FormData,
  actor: { id: number; ip: string },
  context: ActionFunctionArgs['context'],
  themeId: number,
) {
  const parsed = await parseForm(request, TopicWordsSchema, form)
  if (!parsed.ok) return json<TopicWordsResult>({ ...parsed, formKey: 'topicWords' }, { status: 400 })
  try {
    const { changed, jobIds } = await saveThemeTopicWords(context.db, actor, themeId, parsed.data.topicWords)
    return json<TopicWordsResult>({ ok: true, formKey: 'topicWords', changed, companies: jobIds.length, jobId: jobIds[0] ?? null })
  } catch (error) {
    return refusalResponse(error, echoValues(form), { formKey: 'topicWords' })
  }
}

// A preview renders the draft without changing anything: no need to reload the page.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'preview' ? false : defaultShouldRevalidate

export default function ThemePage() {
  const data = useLoaderData<typeof loader>()
  const outlet = useOutlet()
  return (
    <article className="stack-lg theme-page">
      <ThemeHeader theme={data.theme} canEdit={data.canEdit} parentOptions={data.parentOptions} />
      {outlet ?? <ThemeOverview />}
    </article>
  )
}

function ThemeOverview() {
  const {
    theme,
    thesis,
    thesisAsOf,
    thesisHtml,
    risks,
    catalysts,
    subThemes,
    segments,
    companies,
    estimates,
    stocks,
    series,
    topicWords,
    canEdit,
    today,
    membership,
    currentWeek,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<ThemeActionResult>()
  // A refusal that belongs to no form (too large to read) after a plain post.
  const pageError = actionData && !actionData.ok && !actionData.formKey ? actionData.errors.form : undefined
  return (
    <>
      <FormError error={pageError} />
      <div className="theme-grid">
        <ThesisSection
          thesis={thesis}
          asOf={thesisAsOf}
          currentWeek={currentWeek}
          html={thesisHtml}
          version={theme.thesisVersion}
          canEdit={canEdit}
        />
        <aside className="stack">
          <PointsSection kind="risk" points={risks} canEdit={canEdit} />
          <PointsSection kind="catalyst" points={catalysts} canEdit={canEdit} />
          <SubThemes subThemes={subThemes} />
          <TopicWordsSection words={topicWords} canEdit={canEdit} />
        </aside>
      </div>
      <SegmentsSection segments={segments} canEdit={canEdit} />
      <VendorMap companies={companies} canEdit={canEdit} />
      <MembershipSection slug={theme.slug} currentWeek={currentWeek} {...membership} />
      <DataExhaustionSection current={estimates} stocks={stocks} today={today} canEdit={canEdit} />
      <EstimatesSection series={series} today={today} canEdit={canEdit} />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
