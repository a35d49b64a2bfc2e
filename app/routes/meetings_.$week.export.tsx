import { type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { writeMeetingWorkbook } from '#app/http/meeting-workbook.server.ts'
import { notFound } from '#app/http/refusal.server.ts'
import { loadMeetingView, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import { parseIsoWeek } from '#app/utils/iso-week.ts'

// The meeting's data as an XLSX download: the same view as the page, one sheet per slide.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  const user = await requireUser(request, context)
  const week = params.week
  if (!week || !parseIsoWeek(week)) throw notFound('meeting.weekNotFound', { week: week ?? '' })
  const { theme } = await resolveMeetingTheme(context.db, new URL(request.url).searchParams.get('theme'))
  if (!theme) throw notFound('meeting.themeNotFound', { slug: new URL(request.url).searchParams.get('theme') ?? '' })
  const [view, locale] = await Promise.all([loadMeetingView(context.db, theme, week), resolveLocale(request, user)])
  const bytes = await writeMeetingWorkbook(view, theme, locale)
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${theme.slug}-meeting-${week}.xlsx"`,
    },
  })
}
