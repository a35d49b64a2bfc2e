import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseTicker } from '#app/utils/ticker.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'

import { getCompany } from './company.server.ts'
import { CompanyEditError, withConflictRecheck } from './company-conflicts.server.ts'
import { createCompany, type NewCompany, updateCompanyProfile } from './company-edit.server.ts'
import { setCompanyModalities } from './company-modalities.server.ts'

let conn: Connection
let actor: { id: number; ip: string }
beforeAll(async () => {
  conn = await createTestDatabase()
  actor = { id: (await createUser(conn.db, { role: 'analyst' })).id, ip: '10.0.0.1' }
})
afterAll(async () => {
  await conn.close()
})

const tickers = (...texts: string[]) => texts.map((t) => parseTicker(t)!)

function company(overrides: Partial<NewCompany> = {}): NewCompany {
  return {
    nameEn: 'Acme Vision',
    nameZh: '艾克美视觉',
    region: 'domestic',
    listing: 'listed',
    vendorType: 'application_company',
    website: null,
    parentId: null,
    notesMd: '',
    tickers: [],
    aliases: [],
    modalityIds: [],
    ...overrides,
  }
}

async function problemOf(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    if (error instanceof CompanyEditError) return error.problem
    throw error
  }
  throw new Error('expected a CompanyEditError')
}

async function audits(entityId: number) {
  return conn.db
    .selectFrom('audit_log')
    .select(['action', 'old_value as oldValue', 'new_value as newValue', 'user_id as userId', 'ip'])
    .where('entity_type', '=', 'company')
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute()
}

async function counts() {
  const [c, a, t] = await Promise.all(
    ['company', 'company_alias', 'company_ticker'].map((table) =>
      conn.db
        .selectFrom(table as 'company')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  )
  return [Number(c.n), Number(a.n), Number(t.n)]
}

describe('createCompany', () => {
  it('stores both names as aliases, normalised tickers with the first primary, and audits it', async () => {
    const { id } = await createCompany(
      conn.db,
      actor,
      company({ tickers: tickers('600519.SS', '0700.HK'), aliases: ['Acme', 'ＡＣＭＥ Pro'] }),
    )
    const found = (await getCompany(conn.db, id))!
    expect(found.tickers.map((t) => [t.exchange, t.code, t.isPrimary])).toEqual([
      ['SH', '600519', true],
      ['HK', '0700', false],
    ])
    const aliases = found.aliases.map((a) => [a.text, a.kind, a.language])
    expect(aliases).toHaveLength(4)
    expect(aliases).toEqual(
      expect.arrayContaining([
        ['Acme', 'name', 'any'],
        ['Acme Vision', 'name', 'en'],
        ['ＡＣＭＥ Pro', 'name', 'any'],
        ['艾克美视觉', 'name', 'zh'],
      ]),
    )
    const rows = await conn.db.selectFrom('company_alias').select('normalised_text').where('company_id', '=', id).execute()
    expect(rows.map((r) => r.normalised_text)).toContain('acme pro')
    const [entry] = await audits(id)
    expect(entry).toMatchObject({ action: 'company.create', userId: actor.id, ip: '10.0.0.1', oldValue: null })
    expect(entry.newValue).toMatchObject({ nameEn: 'Acme Vision', tickers: ['600519.SH', '0700.HK'] })
  })

  it('refuses a taken alias, ticker or name, naming the other company, and changes nothing', async () => {
    const before = await counts()
    expect(await problemOf(() => createCompany(conn.db, actor, company({ nameEn: 'Other', nameZh: '', aliases: ['acme'] })))).toMatchObject(
      { reason: 'aliasTaken', field: 'alias', value: 'acme', other: { nameEn: 'Acme Vision' } },
    )
    expect(
      await problemOf(() => createCompany(conn.db, actor, company({ nameEn: 'Other', nameZh: '', tickers: tickers('700.HK') }))),
    ).toMatchObject({ reason: 'tickerTaken', value: '0700.HK', other: { nameEn: 'Acme Vision' } })
    expect(await problemOf(() => createCompany(conn.db, actor, company({ nameEn: 'ACME VISION', nameZh: '' })))).toMatchObject({
      reason: 'nameTaken',
      field: 'nameEn',
    })
    expect(await problemOf(() => createCompany(conn.db, actor, company({ nameEn: 'Other', nameZh: '艾克美视觉' })))).toMatchObject({
      reason: 'aliasTaken',
      field: 'nameZh',
    })
    expect(await problemOf(() => createCompany(conn.db, actor, company({ nameEn: 'Other', nameZh: '', parentId: 999_999 })))).toMatchObject(
      { reason: 'parentMissing' },
    )
    expect(await counts()).toEqual(before)
  })

  it('names the owner even when the unique key, not the check, caught the duplicate', async () => {
    const acme = await conn.db.selectFrom('company').select('id').where('name_en', '=', 'Acme Vision').executeTakeFirstOrThrow()
    const plan = { aliases: [{ text: 'Acme', normalised: 'acme', field: 'alias' as const }] }
    const problem = await problemOf(() =>
      withConflictRecheck(conn.db, plan, () =>
        conn.db
          .insertInto('company_alias')
          .values({ company_id: acme.id, text: 'Acme', normalised_text: 'acme', language: 'any', kind: 'name' })
          .execute(),
      ),
    )
    expect(problem).toMatchObject({ reason: 'aliasTaken', other: { id: acme.id } })
  })
})

describe('profile, parent and modalities', () => {
  let id: number
  beforeAll(async () => {
    id = (
      await createCompany(
        conn.db,
        actor,
        company({ nameEn: 'Beta Labs', nameZh: '贝塔实验室', region: 'overseas', listing: 'private', vendorType: 'model_company' }),
      )
    ).id
  })

  it('audits only the profile fields that changed, old and new, and adds a new name as an alias', async () => {
    await updateCompanyProfile(conn.db, actor, id, {
      nameEn: 'Beta Labs Inc',
      nameZh: '贝塔实验室',
      region: 'overseas',
      listing: 'private',
      vendorType: 'model_company',
      website: 'https://beta.example',
      parentId: null,
      notesMd: '**new**',
    })
    const last = (await audits(id)).at(-1)!
    expect(last.action).toBe('company.update')
    expect(last.oldValue).toEqual({ nameEn: 'Beta Labs', website: null, notesMd: '' })
    expect(last.newValue).toEqual({
      nameEn: 'Beta Labs Inc',
      website: 'https://beta.example',
      notesMd: '**new**',
      aliasesAdded: ['Beta Labs Inc'],
    })
    const aliases = (await getCompany(conn.db, id))!.aliases.map((a) => a.text)
    expect(aliases).toEqual(expect.arrayContaining(['Beta Labs', 'Beta Labs Inc']))
    const n = (await audits(id)).length
    await updateCompanyProfile(conn.db, actor, id, {
      nameEn: 'Beta Labs Inc',
      nameZh: '贝塔实验室',
      region: 'overseas',
      listing: 'private',
      vendorType: 'model_company',
      website: 'https://beta.example',
      parentId: null,
      notesMd: '**new**',
    })
    expect(await audits(id)).toHaveLength(n)
  })

  it('refuses a parent loop', async () => {
    const child = (await createCompany(conn.db, actor, company({ nameEn: 'Beta Child', nameZh: '', parentId: id }))).id
    const profile = {
      nameEn: 'Beta Labs Inc',
      nameZh: '贝塔实验室',
      region: 'overseas' as const,
      listing: 'private' as const,
      vendorType: 'model_company' as const,
      website: null,
      notesMd: '',
    }
    expect(await problemOf(() => updateCompanyProfile(conn.db, actor, id, { ...profile, parentId: child }))).toMatchObject({
      reason: 'parentCycle',
    })
    expect(await problemOf(() => updateCompanyProfile(conn.db, actor, id, { ...profile, parentId: id }))).toMatchObject({
      reason: 'parentCycle',
    })
  })

  it('replaces modalities and audits the slugs before and after', async () => {
    const theme = await conn.db
      .insertInto('theme')
      .values({ slug: 'mm', name_en: 'MM', name_zh: '多模态' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const [image, video] = await Promise.all(
      ['image', 'video'].map((slug) =>
        conn.db
          .insertInto('modality')
          .values({ theme_id: theme.id, slug, name_en: slug, name_zh: slug })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ),
    )
    await setCompanyModalities(conn.db, actor, id, [image.id])
    await setCompanyModalities(conn.db, actor, id, [video.id, image.id])
    expect((await getCompany(conn.db, id))!.modalities.map((m) => m.slug).sort()).toEqual(['image', 'video'])
    const last = (await audits(id)).at(-1)!
    expect(last).toMatchObject({ action: 'company.set_modalities', oldValue: { modalities: ['image'] } })
    // Another theme's item (a robot part) is not a modality a company can have.
    const robots = await conn.db
      .insertInto('theme')
      .values({ slug: 'robots', name_en: 'Robots', name_zh: '机器人' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const part = await conn.db
      .insertInto('modality')
      .values({ theme_id: robots.id, slug: 'reducers', name_en: 'Reducers', name_zh: '减速器' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(await problemOf(() => setCompanyModalities(conn.db, actor, id, [part.id]))).toMatchObject({ reason: 'modalityUnknown' })
    expect(await problemOf(() => setCompanyModalities(conn.db, actor, id, [999_999]))).toMatchObject({ reason: 'modalityUnknown' })
  })
})
