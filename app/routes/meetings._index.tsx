import { type LoaderFunctionArgs, redirect } from '@remix-run/node'

import { requireUser } from '#app/http/auth.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'

// /meetings opens this week's meeting (the ISO week in the team's time zone), keeping ?theme.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const theme = new URL(request.url).searchParams.get('theme')
  const week = await currentTeamWeek(context.db)
  return redirect(`/meetings/${week}${theme ? `?theme=${encodeURIComponent(theme)}` : ''}`)
}
