import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { type Actor, DEMO_ACCOUNT_PASSWORD_HASH } from './user.server.ts'

// The demo team that the first run brings (seeds/demo/team-history.ts): how much of it is
// in the data, and removing it once the real team starts. Their scores go (and with them
// their revisions and evidence, by cascade), then the accounts; the demo reading notes,
// source views and meeting notes stay, as ordinary team content anyone can edit.

export async function demoTeamSummary(db: DB): Promise<{ analysts: number; scores: number }> {
  const row = await db
    .selectFrom('app_user')
    .leftJoin('score', 'score.user_id', 'app_user.id')
    .select((eb) => [eb.fn.count<number>('app_user.id').distinct().as('analysts'), eb.fn.count<number>('score.id').as('scores')])
    .where('app_user.password_hash', '=', DEMO_ACCOUNT_PASSWORD_HASH)
    .executeTakeFirstOrThrow()
  return { analysts: Number(row.analysts), scores: Number(row.scores) }
}

export async function removeDemoTeam(db: DB, actor: Actor): Promise<{ analysts: number; scores: number }> {
  return inTransaction(db, async (tx) => {
    const users = await tx.selectFrom('app_user').select('id').where('password_hash', '=', DEMO_ACCOUNT_PASSWORD_HASH).forUpdate().execute()
    const ids = users.map((u) => u.id)
    if (ids.length === 0) return { analysts: 0, scores: 0 }
    const scores = await tx.deleteFrom('score').where('user_id', 'in', ids).executeTakeFirst()
    await tx.deleteFrom('app_user').where('id', 'in', ids).execute()
    const removed = { analysts: ids.length, scores: Number(scores.numDeletedRows) }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'demo.team_removed',
      entityType: 'demo',
      entityId: null,
      oldValue: { userIds: ids },
      newValue: removed,
      ip: actor.ip,
    })
    return removed
  })
}
