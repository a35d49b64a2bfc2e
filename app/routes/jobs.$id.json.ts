import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser } from '#app/http/auth.server.ts'
import { getJob } from '#app/models/ops/index.server.ts'
import { IdSchema } from '#app/schemas/common.ts'

// GET /jobs/:id/json: a job's progress for scripts and other pages that poll it
// (the progress page itself revalidates its loader instead).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const id = IdSchema.safeParse(params.id)
  const job = id.success ? await getJob(context.db, id.data) : undefined
  if (!job) return json({ error: 'notFound' }, { status: 404 })
  return json(job, { headers: { 'Cache-Control': 'no-store' } })
}
