import { json } from '@remix-run/node'

import type { ThemeActionResult } from '#app/components/theme/theme-form.tsx'
import type { DB } from '#app/models/db.server.ts'
import { addEstimateSeries, addSeriesEstimate } from '#app/models/theme/index.server.ts'
import { EstimateSeriesEditSchema } from '#app/schemas/estimate-series.ts'

import { parseForm } from './forms.server.ts'
import { echoValues, refusalResponse } from './refusal.server.ts'

// The theme page's "Estimates" forms (a series with a unit, an estimate by source): parse,
// apply, answer in the shape the inline forms read. The role is checked by the route's action.
export async function estimateSeriesAction(
  request: Request,
  form: FormData,
  db: DB,
  actor: { id: number; ip: string },
  themeId: number,
  formKey: string,
) {
  const parsed = await parseForm(request, EstimateSeriesEditSchema, form)
  if (!parsed.ok) return json<ThemeActionResult>({ ...parsed, formKey }, { status: 400 })
  try {
    const { intent: _intent, ...input } = parsed.data
    if ('seriesId' in input) {
      const { seriesId, ...estimate } = input
      await addSeriesEstimate(db, actor, themeId, seriesId, estimate)
    } else {
      await addEstimateSeries(db, actor, themeId, input)
    }
  } catch (error) {
    return refusalResponse(error, echoValues(form), { formKey })
  }
  return json<ThemeActionResult>({ ok: true, formKey })
}
