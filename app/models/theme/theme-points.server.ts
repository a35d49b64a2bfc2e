import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'

import { auditTheme, changedFields, languageStamps, lockTheme, THEME_CONFLICT_KEY, ThemeEditError } from './theme-edit.server.ts'

// A theme's risks and catalysts: short bilingual points in an order the team chooses.

export type PointKind = 'risk' | 'catalyst'

export interface PointInput {
  textEn: string
  textZh: string
  expectedOn: string | null
}

async function findPoint(tx: DB, themeId: number, pointId: number) {
  const point = await tx
    .selectFrom('theme_point')
    .select(['id', 'kind', 'text_en as textEn', 'text_zh as textZh', 'expected_on as expectedOn', 'position', 'version'])
    .where('id', '=', pointId)
    .where('theme_id', '=', themeId)
    .executeTakeFirst()
  if (!point) throw new ThemeEditError('notFound')
  return point
}

export async function addPoint(db: DB, actor: Actor, themeId: number, kind: PointKind, input: PointInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const last = await tx
      .selectFrom('theme_point')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('theme_id', '=', themeId)
      .where('kind', '=', kind)
      .executeTakeFirst()
    const position = (last?.max ?? -1) + 1
    const { id } = await tx
      .insertInto('theme_point')
      .values({
        theme_id: themeId,
        kind,
        text_en: input.textEn,
        text_zh: input.textZh,
        text_en_updated_at: input.textEn ? new Date() : null,
        text_zh_updated_at: input.textZh ? new Date() : null,
        expected_on: input.expectedOn,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await auditTheme(tx, actor, themeId, `${kind}.add`, null, { id, ...input })
    return id
  })
}

/** A point's fields as its form posts them. */
const pointTexts = (p: PointInput) => ({ textEn: p.textEn, textZh: p.textZh, expectedOn: p.expectedOn ?? '' })

/** `baseVersion`: the point's version when the form was opened; a stale one is refused (EditConflict). */
export async function editPoint(
  db: DB,
  actor: Actor,
  themeId: number,
  pointId: number,
  input: PointInput,
  baseVersion?: number,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const point = await findPoint(tx, themeId, pointId)
    const changes = changedFields({ textEn: point.textEn, textZh: point.textZh, expectedOn: point.expectedOn }, input)
    if (!changes) return
    if (isStale(baseVersion, point.version, pointTexts(point), pointTexts(input)))
      throw new EditConflict(THEME_CONFLICT_KEY, point.version, pointTexts(point), pointTexts(input))
    const stamps = languageStamps({ en: point.textEn, zh: point.textZh }, { en: input.textEn, zh: input.textZh })
    await tx
      .updateTable('theme_point')
      .set({
        text_en: input.textEn,
        text_zh: input.textZh,
        text_en_updated_at: stamps.en,
        text_zh_updated_at: stamps.zh,
        expected_on: input.expectedOn,
        version: point.version + 1,
      })
      .where('id', '=', pointId)
      .execute()
    await auditTheme(tx, actor, themeId, `${point.kind}.edit`, { id: pointId, ...changes.oldValue }, { id: pointId, ...changes.newValue })
  })
}

export async function removePoint(db: DB, actor: Actor, themeId: number, pointId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const point = await findPoint(tx, themeId, pointId)
    await tx.deleteFrom('theme_point').where('id', '=', pointId).execute()
    await auditTheme(
      tx,
      actor,
      themeId,
      `${point.kind}.remove`,
      { id: pointId, textEn: point.textEn, textZh: point.textZh, expectedOn: point.expectedOn },
      null,
    )
  })
}

/** Moves a point one place up or down among its kind; positions are renumbered 0..n-1. */
export async function movePoint(db: DB, actor: Actor, themeId: number, pointId: number, direction: 'up' | 'down'): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const point = await findPoint(tx, themeId, pointId)
    const siblings = await tx
      .selectFrom('theme_point')
      .select('id')
      .where('theme_id', '=', themeId)
      .where('kind', '=', point.kind)
      .orderBy('position')
      .orderBy('id')
      .execute()
    const ids = siblings.map((s) => s.id)
    const from = ids.indexOf(pointId)
    const to = direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= ids.length) return
    ;[ids[from], ids[to]] = [ids[to], ids[from]]
    for (const [position, id] of ids.entries()) {
      await tx.updateTable('theme_point').set({ position }).where('id', '=', id).execute()
    }
    const text = { textEn: point.textEn, textZh: point.textZh }
    await auditTheme(
      tx,
      actor,
      themeId,
      `${point.kind}.move`,
      { id: pointId, ...text, position: from + 1 },
      { id: pointId, ...text, position: to + 1 },
    )
  })
}
