import { type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { writeMeetingWorkbook } from '#app/http/meeting-workbook.server.ts'
import { notFound } from '#app/http/refusal.server.ts'
import { listMeetingExtraThemeIds, loadMeetingView, type MeetingTheme, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import { parseIsoWeek } from '#app/utils/iso-week.ts'

// The meeting's data as an XLSX download: the same views as the page, one sheet per slide,
// the further themes the meeting covers after its own (decision 040).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  const user = await requireUser(request, context)
  const week = params.week
  if (!week || !parseIsoWeek(week)) throw notFound('meeting.weekNotFound', { week: week ?? '' })
  const { themes, theme } = await resolveMeetingTheme(context.db, new URL(request.url).searchParams.get('theme'))
  if (!theme) throw notFound('meeting.themeNotFound', { slug: new URL(request.url).searchParams.get('theme') ?? '' })
  const extraIds = await listMeetingExtraThemeIds(context.db, theme.id, week)
  const group = async (t: MeetingTheme) => ({ theme: t, view: await loadMeetingView(context.db, t, week) })
  const [[main, ...more], locale] = await Promise.all([
    Promise.all([theme, ...extraIds.flatMap((id) => themes.filter((t) => t.id === id))].map(group)),
    resolveLocale(request, user),
  ])
  const bytes = await writeMeetingWorkbook(main.view, main.theme, locale, more)
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${theme.slug}-meeting-${week}.xlsx"`,
    },
  })
}
