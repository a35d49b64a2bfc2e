import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { normaliseAlias } from '#app/utils/normalise.ts'
import { parseTicker } from '#app/utils/ticker.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createUser } from '#tests/factories.ts'

import { getCompany } from './company.server.ts'
import { addAlias, removeAlias, updateAlias } from './company-alias.server.ts'
import { CompanyEditError } from './company-conflicts.server.ts'
import { addTicker, removeTicker, setPrimaryTicker } from './company-ticker.server.ts'

// A company's aliases and tickers edited one at a time: each change audited with old and
// new values, an alias or ticker another company has refused with that company named.

let conn: Connection
let actor: { id: number; ip: string }
let id: number
beforeAll(async () => {
  conn = await createTestDatabase()
  actor = { id: (await createUser(conn.db, { role: 'analyst' })).id, ip: '10.0.0.1' }
  // The other company, which already has the alias "Acme" and the ticker 600519.SH.
  await createCompany(conn.db, { nameEn: 'Acme Vision', aliases: ['Acme', 'ＡＣＭＥ Pro'], tickers: ['600519.SH'] })
  id = (await createCompany(conn.db, { nameEn: 'Beta Labs', nameZh: '贝塔实验室', region: 'overseas' })).id
})
afterAll(async () => {
  await conn.close()
})

const problemOf = (run: () => Promise<unknown>) =>
  run().then(
    () => Promise.reject(new Error('expected a CompanyEditError')),
    (error: unknown) => (error instanceof CompanyEditError ? error.problem : Promise.reject(error)),
  )
const audits = (entityId: number) =>
  conn.db
    .selectFrom('audit_log')
    .select(['action', 'old_value as oldValue', 'new_value as newValue'])
    .where('entity_type', '=', 'company')
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute()

describe('aliases and tickers', () => {
  it('adds, edits and removes aliases with audit rows, refusing duplicates', async () => {
    const { id: aliasId } = await addAlias(conn.db, actor, id, {
      text: 'BetaGen',
      language: 'any',
      kind: 'product',
      caseSensitive: true,
      ambiguous: false,
    })
    expect(
      await problemOf(() =>
        addAlias(conn.db, actor, id, { text: 'ACME', language: 'any', kind: 'short_name', caseSensitive: false, ambiguous: false }),
      ),
    ).toMatchObject({ reason: 'aliasTaken', other: { nameEn: 'Acme Vision' } })
    expect(
      await problemOf(() =>
        updateAlias(conn.db, actor, id, aliasId, {
          text: 'acme pro',
          language: 'any',
          kind: 'product',
          caseSensitive: true,
          ambiguous: false,
        }),
      ),
    ).toMatchObject({ reason: 'aliasTaken' })
    // Its own text, with a flag changed, is not a duplicate of itself.
    await updateAlias(conn.db, actor, id, aliasId, {
      text: 'BetaGen',
      language: 'any',
      kind: 'product',
      caseSensitive: true,
      ambiguous: true,
    })
    await updateAlias(conn.db, actor, id, aliasId, {
      text: 'Beta Gen 2',
      language: 'en',
      kind: 'product',
      caseSensitive: true,
      ambiguous: true,
    })
    const row = await conn.db.selectFrom('company_alias').selectAll().where('id', '=', aliasId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ text: 'Beta Gen 2', normalised_text: normaliseAlias('Beta Gen 2'), is_ambiguous: true, language: 'en' })
    await removeAlias(conn.db, actor, id, aliasId)
    const trail = (await audits(id)).filter((a) => a.action.startsWith('company.alias'))
    expect(trail.map((a) => a.action)).toEqual([
      'company.alias_add',
      'company.alias_update',
      'company.alias_update',
      'company.alias_remove',
    ])
    expect(trail[2].oldValue).toMatchObject({ text: 'BetaGen' })
    expect(trail[2].newValue).toMatchObject({ text: 'Beta Gen 2' })
    expect(trail[3].oldValue).toMatchObject({ text: 'Beta Gen 2' })
    expect(await problemOf(() => removeAlias(conn.db, actor, id, aliasId))).toMatchObject({ reason: 'notFound' })
  })

  it('keeps one primary ticker through add, make-primary and remove', async () => {
    await addTicker(conn.db, actor, id, parseTicker('BETA')!)
    await addTicker(conn.db, actor, id, parseTicker('9999 HK')!)
    let list = (await getCompany(conn.db, id))!.tickers
    expect(list.map((t) => [t.code, t.isPrimary])).toEqual([
      ['BETA', true],
      ['9999', false],
    ])
    await setPrimaryTicker(conn.db, actor, id, list[1].id)
    list = (await getCompany(conn.db, id))!.tickers
    expect(list[0]).toMatchObject({ code: '9999', isPrimary: true })
    await removeTicker(conn.db, actor, id, list[0].id)
    list = (await getCompany(conn.db, id))!.tickers
    expect(list.map((t) => [t.code, t.isPrimary])).toEqual([['BETA', true]])
    expect(await problemOf(() => addTicker(conn.db, actor, id, parseTicker('600519.SH')!))).toMatchObject({
      reason: 'tickerTaken',
      other: { nameEn: 'Acme Vision' },
    })
    const last = (await audits(id)).filter((a) => a.action === 'company.ticker_remove').at(-1)!
    expect(last.oldValue).toEqual({ tickers: ['9999.HK (primary)', 'BETA'] })
    expect(last.newValue).toEqual({ tickers: ['BETA (primary)'] })
  })
})
