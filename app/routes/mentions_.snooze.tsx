import { type ActionFunctionArgs, redirect } from '@remix-run/node'

import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { snoozeCompany } from '#app/models/mentions/index.server.ts'
import { SnoozeSchema } from '#app/schemas/webhooks.ts'

// POST /mentions/snooze: stop posting a company's alerts to the webhooks for a while
// (team-wide; the alerts are still raised and listed), or resume them. Back to the page.

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, SnoozeSchema)
  if (!parsed.ok) return badRequest(parsed)
  await snoozeCompany(context.db, { id: me.id, ip: context.clientIp }, parsed.data.companyId, parsed.data.days)
  const back = parsed.data.back?.startsWith('/mentions') ? parsed.data.back : '/mentions'
  return redirect(back)
}
