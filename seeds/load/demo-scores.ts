import type { Insertable, Transaction } from 'kysely'

import { DEMO_ACCOUNT_PASSWORD_HASH } from '#app/models/account/index.server.ts'
import type { Database, ScoreTable } from '#db/types.ts'

import { DEMO_ANALYSTS } from '../demo/team-history.ts'
import type { Ids } from './run.ts'

// Shared by the demo team's histories (multimodal AI, humanoid robots): the demo analysts,
// and one saved score as the app stores it (the score row and its revision).

/** The demo analysts by key: disabled accounts no password matches, made once by email. */
export async function upsertDemoAnalysts(trx: Transaction<Database>, now: Date): Promise<Ids> {
  const analysts: Ids = new Map()
  for (const a of DEMO_ANALYSTS) {
    const row = await trx
      .insertInto('app_user')
      .values({ email: a.email, display_name: a.displayName, password_hash: DEMO_ACCOUNT_PASSWORD_HASH, role: 'analyst', disabled_at: now })
      .onConflict((oc) => oc.column('email').doUpdateSet({ display_name: a.displayName }))
      .returning('id')
      .executeTakeFirstOrThrow()
    analysts.set(a.key, row.id)
  }
  return analysts
}

export type DemoScore = Pick<
  Insertable<ScoreTable>,
  'theme_id' | 'user_id' | 'modality_id' | 'dimension_id' | 'iso_week' | 'rubric_id' | 'level' | 'reason'
>

/** A score saved at `at`, with its revision. */
export async function insertDemoScore(trx: Transaction<Database>, values: DemoScore, at: Date): Promise<void> {
  const score = await trx
    .insertInto('score')
    .values({ ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('score_revision')
    .values({ ...values, score_id: score.id, saved_at: at })
    .execute()
}
