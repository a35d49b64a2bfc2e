import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadMeetingView, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import {
  collectDocumentNewNames,
  dismissNewName,
  listNewNamesForWeek,
  markNewNameAdded,
  restoreNewName,
  topNewNames,
} from '#app/models/new-names/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { rescanDocumentsHandler } from '#app/services/jobs/rescan-documents-job.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createAlias, createCompany, createDocument, createTheme, createUser } from './factories.ts'

// Names the registry does not know yet, collected while documents are ingested: per week,
// with counts, documents and snippets; dismissed names stay dismissed; re-collecting a
// document replaces its contribution.

let conn: Connection
let week: string
let actor: { id: number }
let bytedanceId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  week = await currentTeamWeek(conn.db)
  actor = await createUser(conn.db, { role: 'analyst' })
  bytedanceId = (await createCompany(conn.db, { nameEn: 'ByteDance', nameZh: '字节跳动' })).id
  await createCompany(conn.db, { nameEn: 'Wondershare', nameZh: '万兴科技' })
})
afterAll(async () => {
  await conn?.close()
})

const namesThisWeek = async () => (await listNewNamesForWeek(conn.db, week)).names

describe('collecting new names while ingesting', () => {
  it('lists a new name with its count, documents and snippet, and leaves known names out', async () => {
    const first = await createDocument(conn.db, { text: '我们看好爱诗科技。爱诗科技的海外收入增长很快，万兴科技也在跟进。' })
    await createDocument(conn.db, { text: '字节跳动旗下即梦上线了新的视频功能，爱诗科技随后跟进。' })
    const names = await namesThisWeek()
    const aishi = names.find((n) => n.text === '爱诗科技')
    expect(aishi).toMatchObject({ mentions: 3, documents: 2, kind: 'org', language: 'zh' })
    expect(names[0]!.text).toBe('爱诗科技')
    const sighting = aishi!.sightings.find((s) => s.documentId === first.document.id)!
    expect(sighting.snippet.slice(sighting.matchStart, sighting.matchEnd)).toBe('爱诗科技')
    expect(names.find((n) => n.text === '即梦')).toMatchObject({ kind: 'product', owner: { id: bytedanceId, nameZh: '字节跳动' } })
    expect(names.map((n) => n.text)).not.toContain('万兴科技')
  })

  it('replaces a document’s contribution when it is collected again', async () => {
    const doc = await createDocument(conn.db, { text: '生数科技发布了新模型，生数科技估值上升。' })
    const count = async () => (await namesThisWeek()).find((n) => n.text === '生数科技')?.mentions
    expect(await count()).toBe(2)
    await collectDocumentNewNames(conn.db, doc.document.id)
    await collectDocumentNewNames(conn.db, doc.document.id)
    expect(await count()).toBe(2)
    // The same document later read with the name as an alias: it no longer contributes.
    const company = await createCompany(conn.db, { nameEn: 'Shengshu', nameZh: '生数科技' })
    await collectDocumentNewNames(conn.db, doc.document.id)
    expect(await count()).toBeUndefined()
    await conn.db.deleteFrom('company').where('id', '=', company.id).execute()
  })

  it('keeps a dismissed name off the list however often it comes back, until the dismissal is undone', async () => {
    await createDocument(conn.db, { text: 'Investors backed Luma Labs this week.' })
    const luma = (await namesThisWeek()).find((n) => n.text === 'Luma Labs')!
    await dismissNewName(conn.db, actor, luma.id)
    await createDocument(conn.db, { text: 'Luma Labs released a new video model.' })
    const afterDismiss = await listNewNamesForWeek(conn.db, week)
    expect(afterDismiss.names.map((n) => n.text)).not.toContain('Luma Labs')
    expect(afterDismiss.dismissed.map((n) => n.text)).toContain('Luma Labs')
    await expect(dismissNewName(conn.db, actor, luma.id)).rejects.toMatchObject({ reason: 'alreadyDecided', status: 409 })
    await restoreNewName(conn.db, actor, luma.id)
    expect((await namesThisWeek()).find((n) => n.text === 'Luma Labs')?.mentions).toBe(2)
    const audit = await conn.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'new_name').execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['new_name.dismiss', 'new_name.restore']))
  })

  it('links an added name to its company and lists it no more', async () => {
    await createDocument(conn.db, { text: 'AI startup Baichuan raised money again.' })
    const baichuan = (await namesThisWeek()).find((n) => n.text === 'Baichuan')!
    const company = await createCompany(conn.db, { nameEn: 'Baichuan AI' })
    await markNewNameAdded(conn.db, actor, baichuan.id, company.id)
    expect((await namesThisWeek()).map((n) => n.text)).not.toContain('Baichuan')
    const row = await conn.db.selectFrom('new_name').selectAll().where('id', '=', baichuan.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'added', company_id: company.id, decided_by: actor.id })
  })

  it('gives the meeting the week’s top names, most seen first, and nothing for another week', async () => {
    const top = await topNewNames(conn.db, week, 5)
    expect(top.length).toBeLessThanOrEqual(5)
    expect(top[0]!.text).toBe('爱诗科技')
    expect(top.map((n) => n.mentions)).toEqual([...top.map((n) => n.mentions)].sort((a, b) => b - a))
    expect(await topNewNames(conn.db, '2020-W01', 5)).toEqual([])
  })

  it('shows the week’s top new names on the meeting’s mentions slide', async () => {
    await createTheme(conn.db, { nameEn: 'Multimodal AI' })
    const { theme } = await resolveMeetingTheme(conn.db, null)
    const view = await loadMeetingView(conn.db, theme!, week)
    expect(view.newNames.map((n) => n.text)).toEqual((await topNewNames(conn.db, week, 5)).map((n) => n.text))
    expect(view.newNames[0]).toMatchObject({ text: '爱诗科技', mentions: 3 })
  })

  it('does not list a name an alias already covers', async () => {
    await createAlias(conn.db, { companyId: bytedanceId, text: '即梦', kind: 'product' })
    await createDocument(conn.db, { text: '字节跳动旗下即梦再次更新。' })
    const jimeng = (await namesThisWeek()).find((n) => n.text === '即梦')
    // Only the earlier document, read before the alias existed, still counts it.
    expect(jimeng?.documents).toBe(1)
  })

  it('collects from the documents a rescan goes through', async () => {
    const body = '零一万物集团发布了新的多模态模型。'
    await conn.db
      .insertInto('document')
      .values({
        title: 'Stored before names were collected',
        language: 'zh',
        content_hash: createHash('sha256').update(body).digest('hex'),
        body,
      })
      .execute()
    expect((await namesThisWeek()).map((n) => n.text)).not.toContain('零一万物集团')
    const job = { id: 0, kind: 'rescan', payload: null, cursor: null, attempts: 1 } as unknown as Parameters<
      ReturnType<typeof rescanDocumentsHandler>
    >[1]
    await rescanDocumentsHandler({ batchSize: 3 })(conn.db, job, async () => undefined, new AbortController().signal)
    expect((await namesThisWeek()).find((n) => n.text === '零一万物集团')?.documents).toBe(1)
    // Everything collected again: counts unchanged.
    expect((await namesThisWeek()).find((n) => n.text === '爱诗科技')?.mentions).toBe(3)
  })
})
