import { createHash, randomBytes } from 'node:crypto'

import { hash, verify } from '@node-rs/argon2'

import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'
import type { Locale, Role } from '#db/types.ts'

import { assertAcceptablePassword } from './password-policy.server.ts'

export interface Actor {
  id: number
  ip?: string
}

type UserRule = 'lastAdmin' | 'selfDisable' | 'emailTaken' | 'invitePending' | 'notFound'

const USER_REFUSALS: RefusalTable<UserRule> = {
  lastAdmin: { key: 'users.lastAdmin', status: 409 },
  selfDisable: { key: 'users.selfDisable', status: 409 },
  emailTaken: { key: 'users.emailTaken', status: 409, field: 'email' },
  invitePending: { key: 'users.invitePending', status: 409, field: 'email' },
  notFound: { key: 'error.notFound', status: 404 },
}

export class UserRuleError extends Refusal {
  declare readonly reason: UserRule

  constructor(reason: UserRule) {
    super(reason, refusalFrom(USER_REFUSALS, reason))
  }
}

// argon2id with the library's defaults (19 MiB, t=2), the OWASP-recommended floor.
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The password hash of the demo analysts the demo data brings (seeds/demo/team-history.ts):
 * not an argon2 hash, so no password ever matches it, and such accounts do not count as
 * people for the first-run setup page.
 */
export const DEMO_ACCOUNT_PASSWORD_HASH = '!demo-account'

export async function countUsers(db: DB): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('password_hash', '<>', DEMO_ACCOUNT_PASSWORD_HASH)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const publicUserColumns = [
  'id',
  'email',
  'display_name as displayName',
  'role',
  'locale',
  'disabled_at as disabledAt',
  'created_at as createdAt',
] as const

export async function getUserById(db: DB, id: number) {
  return db.selectFrom('app_user').select(publicUserColumns).where('id', '=', id).executeTakeFirst()
}

export async function listUsers(db: DB) {
  return db.selectFrom('app_user').select(publicUserColumns).orderBy('disabled_at', 'desc').orderBy('display_name').execute()
}

let dummyHash: Promise<string> | undefined

/**
 * Checks a password against the stored argon2id hash. Returns the user only on a match with
 * an enabled account. A disabled account answers like a wrong password, after the same
 * hash check, so neither the answer nor its timing tells that the password was right.
 */
export async function verifyLogin(db: DB, email: string, password: string) {
  const user = await db
    .selectFrom('app_user')
    .select([...publicUserColumns, 'password_hash'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  if (!user) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    dummyHash ??= hash(newToken())
    await verify(await dummyHash, password).catch(() => false)
    return null
  }
  const ok = await verify(user.password_hash, password).catch(() => false)
  if (!ok || user.disabledAt) return null
  const { password_hash: _omit, ...rest } = user
  return rest
}

const SETUP_LOCK_KEY = 'setup.lock'

/** The setup page's first administrator. Refused once any account exists. */
export async function createFirstAdmin(db: DB, input: { email: string; displayName: string; password: string }, ip?: string) {
  await assertAcceptablePassword(input.password, input)
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (tx) => {
    // Serialise concurrent setups: only the first one may create the admin. The migration
    // 2026-12-04T19-20-00_account_safety creates the row; inserting it here too keeps the lock
    // real should it ever be deleted (a second inserter waits on the first's unique key).
    await tx
      .insertInto('app_setting')
      .values({ key: SETUP_LOCK_KEY, value: JSON.stringify(true) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    await tx.selectFrom('app_setting').select('key').where('key', '=', SETUP_LOCK_KEY).forUpdate().executeTakeFirstOrThrow()
    if ((await countUsers(tx)) > 0) return null
    const user = await tx
      .insertInto('app_user')
      .values({ email: input.email.toLowerCase(), display_name: input.displayName, password_hash: passwordHash, role: 'admin' })
      .returning(publicUserColumns)
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.setup_admin',
      entityType: 'user',
      entityId: user.id,
      newValue: { email: user.email, role: user.role },
      ip,
    })
    return user
  })
}

async function countActiveAdmins(db: DB): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function changeUserRole(db: DB, actor: Actor, userId: number, role: Role): Promise<void> {
  await inTransaction(db, async (tx) => {
    const user = await tx
      .selectFrom('app_user')
      .select(['id', 'role', 'disabled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!user) throw new UserRuleError('notFound')
    if (user.role === role) return
    if (user.role === 'admin' && !user.disabled_at && (await countActiveAdmins(tx)) <= 1) throw new UserRuleError('lastAdmin')
    await tx.updateTable('app_user').set({ role, updated_at: new Date() }).where('id', '=', userId).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.change_role',
      entityType: 'user',
      entityId: userId,
      oldValue: { role: user.role },
      newValue: { role },
      ip: actor.ip,
    })
  })
}

export async function setUserDisabled(db: DB, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  if (disabled && actor.id === userId) throw new UserRuleError('selfDisable')
  await inTransaction(db, async (tx) => {
    const user = await tx
      .selectFrom('app_user')
      .select(['id', 'role', 'disabled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!user) throw new UserRuleError('notFound')
    if (Boolean(user.disabled_at) === disabled) return
    if (disabled && user.role === 'admin' && (await countActiveAdmins(tx)) <= 1) throw new UserRuleError('lastAdmin')
    await tx
      .updateTable('app_user')
      .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() })
      .where('id', '=', userId)
      .execute()
    // A disabled account is signed out everywhere at once.
    if (disabled) await tx.deleteFrom('user_session').where('user_id', '=', userId).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      oldValue: { disabled: Boolean(user.disabled_at) },
      newValue: { disabled },
      ip: actor.ip,
    })
  })
}

export async function setUserLocale(db: DB, actor: Actor, locale: Locale): Promise<void> {
  const old = await db.selectFrom('app_user').select('locale').where('id', '=', actor.id).executeTakeFirst()
  if (old?.locale === locale) return
  await inTransaction(db, async (tx) => {
    await tx.updateTable('app_user').set({ locale, updated_at: new Date() }).where('id', '=', actor.id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.set_locale',
      entityType: 'user',
      entityId: actor.id,
      oldValue: { locale: old?.locale ?? null },
      newValue: { locale },
      ip: actor.ip,
    })
  })
}
