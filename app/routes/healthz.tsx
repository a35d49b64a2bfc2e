import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { retryAfterHeaders } from '#app/http/database-unavailable.server.ts'
import { checkDatabase } from '#app/models/ops/index.server.ts'

export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await checkDatabase(context.db)
    return json({ status: 'ok', database: context.dbKind }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return json({ status: 'unavailable', database: context.dbKind }, { status: 503, headers: retryAfterHeaders() })
  }
}
