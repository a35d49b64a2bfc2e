import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getSetting } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { DISAGREEMENT_RULES, type DisagreementRule, type DisagreementRuleKind } from '#app/scoring/consensus.ts'

import { getDisagreementThreshold } from './scoring-vocabulary.server.ts'

// Which disagreement rule the team uses (app/scoring/consensus.ts): the range rule with the
// spread set under admin/rubrics (the default, as before), or IQR >= 1.5. Chosen by an
// administrator on the settings page; kept in app_setting like the other team settings.

export const DISAGREEMENT_RULE_SETTING = 'scoring.disagreement_rule'

export async function getDisagreementRuleKind(db: DB): Promise<DisagreementRuleKind> {
  const value = await getSetting<string>(db, DISAGREEMENT_RULE_SETTING)
  return DISAGREEMENT_RULES.find((r) => r === value) ?? 'range'
}

/** The rule every consensus reading applies. */
export async function getDisagreementRule(db: DB): Promise<DisagreementRule> {
  const [kind, spread] = await Promise.all([getDisagreementRuleKind(db), getDisagreementThreshold(db)])
  return kind === 'iqr' ? { kind: 'iqr' } : { kind: 'range', spread }
}

export async function setDisagreementRuleKind(db: DB, actor: Actor, kind: DisagreementRuleKind): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await getDisagreementRuleKind(tx)
    if (old === kind) return
    await tx
      .insertInto('app_setting')
      .values({ key: DISAGREEMENT_RULE_SETTING, value: JSON.stringify(kind), updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(kind), updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.disagreement_rule',
      entityType: 'setting',
      entityId: DISAGREEMENT_RULE_SETTING,
      oldValue: old,
      newValue: kind,
      ip: actor.ip,
    })
  })
}
