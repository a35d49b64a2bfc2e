import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { Role } from '#db/types.ts'

import { assertAcceptablePassword } from './password-policy.server.ts'
import { type Actor, hashPassword, newToken, sha256Hex, UserRuleError } from './user.server.ts'

export const INVITE_DAYS = 7

/** Creates a one-time invitation; the raw token is returned once and only its hash is stored. */
export async function createInvite(db: DB, actor: Actor, input: { email: string; role: Role }) {
  const email = input.email.toLowerCase()
  const token = newToken()
  return inTransaction(db, async (tx) => {
    const existing = await tx.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst()
    if (existing) throw new UserRuleError('emailTaken')
    // One usable link per person: a second one would leave the first working unseen.
    const pending = await tx
      .selectFrom('invite')
      .select('id')
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
    if (pending) throw new UserRuleError('invitePending')
    const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000)
    const invite = await tx
      .insertInto('invite')
      .values({ token_hash: sha256Hex(token), email, role: input.role, invited_by: actor.id, expires_at: expiresAt })
      .returning(['id', 'email', 'role', 'expires_at as expiresAt'])
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'invite.create',
      entityType: 'invite',
      entityId: invite.id,
      newValue: { email, role: input.role },
      ip: actor.ip,
    })
    return { ...invite, token }
  })
}

export async function listPendingInvites(db: DB) {
  return db
    .selectFrom('invite')
    .select(['id', 'email', 'role', 'created_at as createdAt', 'expires_at as expiresAt'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute()
}

export async function revokeInvite(db: DB, actor: Actor, inviteId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const updated = await tx
      .updateTable('invite')
      .set({ revoked_at: new Date() })
      .where('id', '=', inviteId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst()
    if (!updated) throw new UserRuleError('notFound')
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'invite.revoke',
      entityType: 'invite',
      entityId: inviteId,
      oldValue: { email: updated.email },
      ip: actor.ip,
    })
  })
}

/** A usable (unused, unrevoked, unexpired) invite for a raw token, or undefined. */
export async function findUsableInvite(db: DB, token: string) {
  return db
    .selectFrom('invite')
    .select(['id', 'email', 'role'])
    .where('token_hash', '=', sha256Hex(token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
}

/** Turns an invite into an account, once: the row lock makes a second use of the link fail. */
export async function acceptInvite(db: DB, token: string, input: { displayName: string; password: string }, ip?: string) {
  const invite = await findUsableInvite(db, token)
  if (!invite) return null
  await assertAcceptablePassword(input.password, { email: invite.email, displayName: input.displayName })
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (tx) => {
    const invite = await tx
      .selectFrom('invite')
      .select(['id', 'email', 'role'])
      .where('token_hash', '=', sha256Hex(token))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .forUpdate()
      .executeTakeFirst()
    if (!invite) return null
    const taken = await tx.selectFrom('app_user').select('id').where('email', '=', invite.email).executeTakeFirst()
    if (taken) throw new UserRuleError('emailTaken')
    const user = await tx
      .insertInto('app_user')
      .values({ email: invite.email, display_name: input.displayName, password_hash: passwordHash, role: invite.role })
      .returning(['id', 'email', 'role'])
      .executeTakeFirstOrThrow()
    await tx.updateTable('invite').set({ accepted_at: new Date(), accepted_user_id: user.id }).where('id', '=', invite.id).execute()
    await recordAudit(tx, {
      actorId: user.id,
      action: 'invite.accept',
      entityType: 'user',
      entityId: user.id,
      newValue: { email: user.email, role: user.role },
      ip,
    })
    return user
  })
}
