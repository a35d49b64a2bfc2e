import { json } from '@remix-run/node'

import { parseIsoWeek } from '#app/utils/iso-week.ts'

// A scoring page's ?week= names no form field, so the error page says what is wrong with
// the week in its title and text (not the generic "Please check the form").

/** The ?week= of a scoring page (this week when absent), or a 400 page about that week. */
export function requireScoringWeek(value: string | null, currentWeek: string): string {
  const week = value ?? currentWeek
  if (!parseIsoWeek(week))
    throw json({ titleKey: 'scoring.week.notAWeekTitle', errors: { form: `scoring.week.notAWeek?week=${week}` } }, { status: 400 })
  if (week > currentWeek)
    throw json(
      { titleKey: 'scoring.week.futureTitle', errors: { form: `scoring.week.future?week=${week}&current=${currentWeek}` } },
      { status: 400 },
    )
  return week
}
