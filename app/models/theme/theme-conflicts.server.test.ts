import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EditConflict } from '#app/utils/edit-conflict.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createSegment, createTheme, createThemePoint, createUser } from '#tests/factories.ts'

import { editPoint, editSegment, getThemeBySlug, updateThemeDetails, updateThesis } from './index.server.ts'

// Two analysts open the same form at the same version and both save: the first save
// wins, the second is refused with the text saved now and its version, and a save from
// that version (after reading theirs) goes through.

let conn: Connection
let ana: { id: number }
let bo: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  ana = await createUser(conn.db, { displayName: 'Ana Analyst' })
  bo = await createUser(conn.db, { displayName: 'Bo Analyst' })
})
afterAll(() => conn.close())

async function refusal(run: Promise<unknown>): Promise<EditConflict> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(EditConflict)
  return error as EditConflict
}

const loaded = async (slug: string) => (await getThemeBySlug(conn.db, slug))!

describe('the thesis', () => {
  it('takes the first of two saves from one version and refuses the second with the saved text', async () => {
    const theme = await createTheme(conn.db, { thesisMd: 'Video is early.' })
    const opened = (await loaded(theme.slug)).theme.thesisVersion
    expect(opened).toBe(1)
    await updateThesis(conn.db, ana, theme.id, { thesisMd: 'Video is maturing.' }, opened)
    const conflict = await refusal(updateThesis(conn.db, bo, theme.id, { thesisMd: 'Video is early, but fast.' }, opened))
    expect(conflict).toMatchObject({ status: 409, field: 'thesisMd', messageKey: 'themeEdit.error.conflict', version: 2 })
    expect(conflict.current).toEqual({ thesisMd: 'Video is maturing.' })
    expect(conflict.yours).toEqual({ thesisMd: 'Video is early, but fast.' })
    expect((await loaded(theme.slug)).theme).toMatchObject({ thesisMd: 'Video is maturing.', thesisVersion: 2 })

    // Bo has read Ana's text: saving from her version replaces it on purpose.
    await updateThesis(conn.db, bo, theme.id, { thesisMd: 'Video is maturing, and fast.' }, conflict.version)
    expect((await loaded(theme.slug)).theme).toMatchObject({ thesisMd: 'Video is maturing, and fast.', thesisVersion: 3 })
  })

  it('lets exactly one of two concurrent saves win', async () => {
    const theme = await createTheme(conn.db, { thesisMd: 'Start.' })
    const results = await Promise.allSettled([
      updateThesis(conn.db, ana, theme.id, { thesisMd: 'Ana wrote this.' }, 1),
      updateThesis(conn.db, bo, theme.id, { thesisMd: 'Bo wrote this.' }, 1),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(refused.reason).toBeInstanceOf(EditConflict)
    const saved = (await loaded(theme.slug)).theme.thesisMd
    expect((refused.reason as EditConflict).current.thesisMd).toBe(saved)
    const audits = await conn.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'theme.thesis')
      .where('entity_id', '=', String(theme.id))
      .execute()
    expect(audits).toHaveLength(1)
  })

  it('treats a stale save of the text already saved as done, and a save without a version as before', async () => {
    const theme = await createTheme(conn.db, { thesisMd: 'Same.' })
    await updateThesis(conn.db, ana, theme.id, { thesisMd: 'Both typed this.' }, 1)
    await updateThesis(conn.db, bo, theme.id, { thesisMd: 'Both typed this.' }, 1)
    await updateThesis(conn.db, bo, theme.id, { thesisMd: 'No version sent.' })
    expect((await loaded(theme.slug)).theme).toMatchObject({ thesisMd: 'No version sent.', thesisVersion: 3 })
  })
})

describe('the details', () => {
  const details = {
    nameEn: 'Robots',
    nameZh: '机器人',
    summaryEn: '',
    summaryZh: '',
    stance: 'neutral' as const,
    status: 'active' as const,
    parentId: null,
  }

  it('refuses the second save with the saved fields, and a thesis save does not make the details stale', async () => {
    const theme = await createTheme(conn.db, { nameEn: 'Robots', nameZh: '机器人' })
    await updateThesis(conn.db, ana, theme.id, { thesisMd: 'A thesis meanwhile.' }, 1)
    await updateThemeDetails(conn.db, ana, theme.id, { ...details, summaryEn: 'Humanoids first.' }, 1)
    const conflict = await refusal(
      updateThemeDetails(conn.db, bo, theme.id, { ...details, summaryEn: 'Arms first.', stance: 'positive' }, 1),
    )
    expect(conflict).toMatchObject({ field: 'summaryEn', version: 2 })
    expect(conflict.current).toMatchObject({ summaryEn: 'Humanoids first.', stance: 'neutral', parentId: '' })
    expect(conflict.yours).toMatchObject({ summaryEn: 'Arms first.', stance: 'positive' })
    expect((await loaded(theme.slug)).theme).toMatchObject({ summaryEn: 'Humanoids first.', stance: 'neutral', detailsVersion: 2 })
  })
})

describe('points and segments', () => {
  it('refuses a stale edit of a risk with the saved text', async () => {
    const theme = await createTheme(conn.db)
    const point = await createThemePoint(conn.db, { themeId: theme.id, textEn: 'Compute costs' })
    const opened = (await loaded(theme.slug)).risks[0].version
    await editPoint(conn.db, ana, theme.id, point.id, { textEn: 'Compute costs rise', textZh: '', expectedOn: null }, opened)
    const conflict = await refusal(
      editPoint(conn.db, bo, theme.id, point.id, { textEn: 'Compute is scarce', textZh: '算力紧缺', expectedOn: '2027-01-01' }, opened),
    )
    expect(conflict).toMatchObject({ field: 'textEn', version: 2 })
    expect(conflict.current).toEqual({ textEn: 'Compute costs rise', textZh: '', expectedOn: '' })
    expect((await loaded(theme.slug)).risks[0]).toMatchObject({ textEn: 'Compute costs rise', version: 2 })
  })

  it('refuses a stale edit of a segment with the saved fields', async () => {
    const theme = await createTheme(conn.db)
    const segment = await createSegment(conn.db, { themeId: theme.id, nameEn: 'Marketing', nameZh: '营销' })
    const fields = { audience: '2B' as const, nameEn: 'Marketing', nameZh: '营销', noteEn: '', noteZh: '' }
    await editSegment(conn.db, ana, theme.id, segment.id, { ...fields, noteEn: 'Ad creatives.' }, 1)
    const conflict = await refusal(editSegment(conn.db, bo, theme.id, segment.id, { ...fields, noteEn: 'Product shots.' }, 1))
    expect(conflict).toMatchObject({ field: 'noteEn', version: 2 })
    expect(conflict.current).toMatchObject({ noteEn: 'Ad creatives.' })
    expect((await loaded(theme.slug)).segments[0]).toMatchObject({ noteEn: 'Ad creatives.', version: 2 })
  })
})
