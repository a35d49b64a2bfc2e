import type { LoaderFunctionArgs } from '@remix-run/node'

import { auditSentence, objectLabel, sentenceText } from '#app/components/admin/audit-sentence.tsx'
import { auditFilterFrom } from '#app/http/audit-query.server.ts'
import { requireRole, resolveLocale } from '#app/http/auth.server.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { auditTargets, exportAuditEntries, getTeamTimeZone } from '#app/models/ops/index.server.ts'
import { writeCsv } from '#app/utils/spreadsheet.server.ts'
import { makeZonedClock } from '#app/utils/zoned-time.ts'

// GET /admin/audit/export: the audit log as filtered on the page, as CSV in the reader's
// language. Times are written in the team time zone, which the header names, so a day
// in the file is the day the page shows.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const locale = await resolveLocale(request, me)
  const t = makeTranslate(locale)
  const timeZone = await getTeamTimeZone(context.db)
  const { filter } = auditFilterFrom(new URL(request.url), timeZone)
  const entries = await exportAuditEntries(context.db, filter)
  const targets = await auditTargets(context.db, entries)
  const clock = makeZonedClock(timeZone)
  const json = (value: unknown) => (value == null ? '' : JSON.stringify(value))
  const header = [
    t('audit.csv.time', { timeZone }),
    t('audit.csv.person'),
    t('audit.csv.action'),
    t('audit.csv.sentence'),
    t('audit.csv.type'),
    t('audit.csv.id'),
    t('audit.csv.object'),
    t('audit.csv.before'),
    t('audit.csv.after'),
  ]
  const rows = entries.map((e) => {
    const parts = auditSentence(t, locale, e, targets[`${e.entityType}:${e.entityId}`])
    return [
      clock.text(new Date(e.at).getTime()),
      e.actorName ?? t('audit.system'),
      e.action,
      sentenceText(parts),
      objectLabel(t, e.entityType),
      e.entityId ?? '',
      parts.what,
      json(e.oldValue),
      json(e.newValue),
    ]
  })
  const day = clock.text(Date.now()).slice(0, 10)
  return new Response(writeCsv(header, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
