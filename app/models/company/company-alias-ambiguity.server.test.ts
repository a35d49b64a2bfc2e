import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createUser } from '#tests/factories.ts'

import { addAlias, type AliasInput, decideAmbiguity, removeAlias, updateAlias } from './company-alias.server.ts'
import { createCompany as createFromForm } from './company-edit.server.ts'

// An alias that is also an ordinary word (Apple, 苹果) starts ambiguous with the reason
// stored; a person can override it, and every change, negative context included, is audited.

let conn: Connection
let actor: { id: number; ip: string }
let companyId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  actor = { id: (await createUser(conn.db, { role: 'analyst' })).id, ip: '10.0.0.2' }
  companyId = (await createCompany(conn.db, { nameEn: 'Orchard Devices', nameZh: '果园设备', region: 'overseas' })).id
})
afterAll(async () => {
  await conn.close()
})

const alias = (text: string, more: Partial<AliasInput> = {}): AliasInput => ({
  text,
  language: 'any',
  kind: 'short_name',
  caseSensitive: false,
  ambiguous: false,
  ...more,
})
const stored = (id: number) =>
  conn.db
    .selectFrom('company_alias')
    .select(['text', 'is_ambiguous as isAmbiguous', 'ambiguous_reason as ambiguousReason', 'negative_context as negativeContext'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
const lastAudit = () =>
  conn.db
    .selectFrom('audit_log')
    .select(['action', 'old_value as oldValue', 'new_value as newValue', 'user_id as actorId'])
    .where('entity_type', '=', 'company')
    .where('entity_id', '=', String(companyId))
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()

describe('ordinary words as aliases', () => {
  it('adds an ordinary English word as ambiguous with its reason, even with the box unticked', async () => {
    const outcome = await addAlias(conn.db, actor, companyId, alias('Apple'))
    expect(outcome).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word', changed: true })
    expect(await stored(outcome.id)).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word', negativeContext: [] })
    expect(await lastAudit()).toMatchObject({
      action: 'company.alias_add',
      actorId: actor.id,
      newValue: { text: 'Apple', isAmbiguous: true, ambiguousReason: 'english_word' },
    })
  })

  it('adds a common Chinese word as ambiguous, and a coined name as the form says', async () => {
    expect(await addAlias(conn.db, actor, companyId, alias('苹果', { language: 'zh' }))).toMatchObject({
      isAmbiguous: true,
      ambiguousReason: 'chinese_word',
    })
    expect(await addAlias(conn.db, actor, companyId, alias('OrchardOS', { kind: 'product' }))).toMatchObject({
      isAmbiguous: false,
      ambiguousReason: null,
    })
    expect(await addAlias(conn.db, actor, companyId, alias('果园OS', { ambiguous: true }))).toMatchObject({
      isAmbiguous: true,
      ambiguousReason: 'set_by_user',
    })
  })

  it('lets a person override: unticked stays unticked through later edits, until the text changes', async () => {
    const { id } = await addAlias(conn.db, actor, companyId, alias('Orchard'))
    expect(await stored(id)).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word' })
    await updateAlias(conn.db, actor, companyId, id, alias('Orchard', { ambiguous: false }))
    expect(await stored(id)).toMatchObject({ isAmbiguous: false, ambiguousReason: 'set_by_user' })
    expect(await lastAudit()).toMatchObject({
      action: 'company.alias_update',
      oldValue: { isAmbiguous: true, ambiguousReason: 'english_word' },
      newValue: { isAmbiguous: false, ambiguousReason: 'set_by_user' },
    })
    await updateAlias(conn.db, actor, companyId, id, alias('Orchard', { negativeContext: ['fruit'] }))
    expect(await stored(id)).toMatchObject({ isAmbiguous: false, ambiguousReason: 'set_by_user', negativeContext: ['fruit'] })
    // New text is a new question: an ordinary word again, so ambiguous again.
    await updateAlias(conn.db, actor, companyId, id, alias('Orchards'))
    expect(await stored(id)).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word' })
  })

  it('marks an alias nobody decided about when it is edited', async () => {
    const { id } = await addAlias(conn.db, actor, companyId, alias('OrchardPad'))
    await conn.db.updateTable('company_alias').set({ text: 'Pad', normalised_text: 'pad' }).where('id', '=', id).execute()
    await updateAlias(conn.db, actor, companyId, id, alias('Pad', { kind: 'product' }))
    expect(await stored(id)).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word' })
  })

  it('decides by the same rules without a database', () => {
    expect(decideAmbiguity({ text: 'Runway', ambiguous: false })).toEqual({ isAmbiguous: true, ambiguousReason: 'english_word' })
    expect(decideAmbiguity({ text: 'OpenAI', ambiguous: false })).toEqual({ isAmbiguous: false, ambiguousReason: null })
    const old = { text: 'OpenAI', isAmbiguous: true, ambiguousReason: 'set_by_user' }
    expect(decideAmbiguity({ text: 'OpenAI', ambiguous: true }, old)).toEqual({ isAmbiguous: true, ambiguousReason: 'set_by_user' })
    expect(decideAmbiguity({ text: 'Runway', ambiguous: true }, old)).toEqual({ isAmbiguous: true, ambiguousReason: 'english_word' })
  })
})

describe('negative context', () => {
  it('stores the words trimmed and without repeats, audits the change, and keeps them when an edit omits them', async () => {
    const { id } = await addAlias(conn.db, actor, companyId, alias('Blossom', { negativeContext: [' spring ', 'Spring', 'cherry', ''] }))
    expect((await stored(id)).negativeContext).toEqual(['spring', 'cherry'])
    await updateAlias(conn.db, actor, companyId, id, alias('Blossom', { ambiguous: true, negativeContext: ['cherry', '樱花'] }))
    expect((await stored(id)).negativeContext).toEqual(['cherry', '樱花'])
    expect(await lastAudit()).toMatchObject({
      oldValue: { negativeContext: ['spring', 'cherry'] },
      newValue: { negativeContext: ['cherry', '樱花'] },
    })
    const before = await conn.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const unchanged = await updateAlias(conn.db, actor, companyId, id, alias('Blossom', { ambiguous: true }))
    expect(unchanged.changed).toBe(false)
    expect((await stored(id)).negativeContext).toEqual(['cherry', '樱花'])
    const after = await conn.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    await removeAlias(conn.db, actor, companyId, id)
    expect(await lastAudit()).toMatchObject({ action: 'company.alias_remove', oldValue: { negativeContext: ['cherry', '樱花'] } })
  })
})

describe('a new company', () => {
  it('gets the same check on its names and aliases', async () => {
    const { id } = await createFromForm(conn.db, actor, {
      nameEn: 'Beacon Robotics',
      nameZh: '灯塔机器人',
      region: 'domestic',
      listing: 'private',
      vendorType: 'model_company',
      website: null,
      parentId: null,
      notesMd: '',
      tickers: [],
      aliases: ['Beacon', '理想'],
      modalityIds: [],
    })
    const rows = await conn.db
      .selectFrom('company_alias')
      .select(['text', 'is_ambiguous as isAmbiguous', 'ambiguous_reason as ambiguousReason'])
      .where('company_id', '=', id)
      .execute()
    expect(rows.sort((a, b) => (a.text < b.text ? -1 : 1))).toEqual([
      { text: 'Beacon', isAmbiguous: true, ambiguousReason: 'english_word' },
      { text: 'Beacon Robotics', isAmbiguous: false, ambiguousReason: null },
      { text: '灯塔机器人', isAmbiguous: false, ambiguousReason: null },
      { text: '理想', isAmbiguous: true, ambiguousReason: 'chinese_word' },
    ])
  })
})
