import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { ThemeCreate } from '#app/schemas/theme.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'
import type { ThemeStance, ThemeStatus } from '#db/types.ts'

// Creating and editing a theme's own fields. Every change of a theme or of one of its
// parts is audited as entity_type 'theme', entity_id = the theme's id, with the part in
// the action name ('theme.risk.add'), so the history tab finds all of it through the
// (entity_type, entity_id) index with one query. The thesis is saved by theme-thesis.server.ts.

export type ThemeEditReason =
  | 'notFound'
  | 'slugTaken'
  | 'parentNotFound'
  | 'parentCycle'
  | 'companyNotFound'
  | 'companyAlreadyLinked'
  | 'segmentExists'
  | 'stockExists'
  | 'estimateExists'

/** An expected refusal; the route shows it next to `field` with a 4xx status. */
const THEME_EDIT_REFUSALS: RefusalTable<ThemeEditReason> = {
  notFound: { key: 'themeEdit.error.notFound', status: 404 },
  slugTaken: { key: 'themeEdit.error.slugTaken', status: 409 },
  parentNotFound: { key: 'themeEdit.error.parentNotFound', status: 400 },
  parentCycle: { key: 'themeEdit.error.parentCycle', status: 400 },
  companyNotFound: { key: 'themeEdit.error.companyNotFound', status: 400 },
  companyAlreadyLinked: { key: 'themeEdit.error.companyAlreadyLinked', status: 409 },
  segmentExists: { key: 'themeEdit.error.segmentExists', status: 409 },
  stockExists: { key: 'themeEdit.error.stockExists', status: 409 },
  estimateExists: { key: 'themeEdit.error.estimateExists', status: 409 },
}

export class ThemeEditError extends Refusal {
  declare readonly reason: ThemeEditReason

  constructor(
    reason: ThemeEditReason,
    field = 'form',
    readonly params: Record<string, string> = {},
  ) {
    const init = refusalFrom(THEME_EDIT_REFUSALS, reason, field)
    const query = new URLSearchParams(params).toString()
    super(reason, { ...init, messageKey: query ? `${init.messageKey}?${query}` : init.messageKey })
  }
}

export interface Subject {
  nameEn: string
  nameZh: string
}

/** One audit row for a change to a theme or one of its parts, and the theme marked as updated. */
export async function auditTheme(tx: DB, actor: Actor, themeId: number, action: string, oldValue: unknown, newValue: unknown) {
  await tx.updateTable('theme').set({ updated_at: new Date() }).where('id', '=', themeId).execute()
  await recordAudit(tx, {
    actorId: actor.id,
    action: `theme.${action}`,
    entityType: 'theme',
    entityId: themeId,
    oldValue,
    newValue,
    ip: actor.ip,
  })
}

/** Locks the theme row so two edits of one theme apply one after the other. */
export async function lockTheme(tx: DB, themeId: number) {
  const theme = await tx
    .selectFrom('theme')
    .select([
      'id',
      'slug',
      'name_en as nameEn',
      'name_zh as nameZh',
      'summary_en as summaryEn',
      'summary_zh as summaryZh',
      'thesis_md as thesisMd',
      'thesis_zh_md as thesisZhMd',
      'stance',
      'status',
      'parent_id as parentId',
      'thesis_version as thesisVersion',
      'details_version as detailsVersion',
    ])
    .where('id', '=', themeId)
    .forUpdate()
    .executeTakeFirst()
  if (!theme) throw new ThemeEditError('notFound')
  return theme
}

/** The message every refused stale save of a theme or one of its parts shows. */
export const THEME_CONFLICT_KEY = 'themeEdit.error.conflict'

/** Only the fields that differ, as before/after objects for the audit log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const oldValue: Record<string, unknown> = {}
  const newValue: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      oldValue[key] = before[key]
      newValue[key] = after[key]
    }
  }
  return Object.keys(newValue).length ? { oldValue, newValue } : null
}

async function parentSubject(tx: DB, parentId: number | null): Promise<(Subject & { id: number }) | null> {
  if (parentId == null) return null
  const parent = await tx
    .selectFrom('theme')
    .select(['id', 'name_en as nameEn', 'name_zh as nameZh'])
    .where('id', '=', parentId)
    .executeTakeFirst()
  if (!parent) throw new ThemeEditError('parentNotFound', 'parentId')
  return parent
}

/** A new theme's texts count as saved now, each language that has one. */
function createdStamps(input: ThemeCreate) {
  const now = new Date()
  const when = (text: string | undefined) => (text ? now : null)
  return {
    thesis_en_updated_at: when(input.thesisMd),
    thesis_zh_updated_at: when(input.thesisZhMd),
    summary_en_updated_at: when(input.summaryEn),
    summary_zh_updated_at: when(input.summaryZh),
  }
}

export async function createTheme(db: DB, actor: Actor, input: ThemeCreate): Promise<{ id: number; slug: string }> {
  try {
    return await inTransaction(db, async (tx) => {
      const parent = await parentSubject(tx, input.parentId)
      const created = await tx
        .insertInto('theme')
        .values({
          slug: input.slug,
          name_en: input.nameEn,
          name_zh: input.nameZh,
          summary_en: input.summaryEn,
          summary_zh: input.summaryZh,
          thesis_md: input.thesisMd,
          thesis_zh_md: input.thesisZhMd ?? '',
          ...createdStamps(input),
          stance: input.stance,
          status: input.status,
          parent_id: parent?.id ?? null,
        })
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow()
      const { parentId: _parentId, ...fields } = input
      await auditTheme(tx, actor, created.id, 'create', null, { ...fields, parent })
      return created
    })
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === 'theme_slug_key') throw new ThemeEditError('slugTaken', 'slug')
    throw error
  }
}

export interface ThemeDetails {
  nameEn: string
  nameZh: string
  summaryEn: string
  summaryZh: string
  stance: ThemeStance
  status: 'active' | 'watching'
  parentId: number | null
}

async function wouldLoop(tx: DB, themeId: number, parentId: number): Promise<boolean> {
  // Walk up from the new parent; meeting the theme itself means a loop. Depth is small.
  let current: number | null = parentId
  for (let depth = 0; current != null && depth < 100; depth++) {
    if (current === themeId) return true
    const row: { parentId: number | null } | undefined = await tx
      .selectFrom('theme')
      .select('parent_id as parentId')
      .where('id', '=', current)
      .executeTakeFirst()
    current = row?.parentId ?? null
  }
  return current != null
}

/** The details form's fields as it posts them, to compare a stale save with what is saved. */
function detailsTexts(d: Omit<ThemeDetails, 'status'> & { status: string }) {
  const { nameEn, nameZh, summaryEn, summaryZh, stance, status, parentId } = d
  return { nameEn, nameZh, summaryEn, summaryZh, stance, status, parentId: parentId == null ? '' : String(parentId) }
}

/** `baseVersion`: the details version the form was opened at; a stale one is refused (EditConflict). */
export async function updateThemeDetails(db: DB, actor: Actor, themeId: number, input: ThemeDetails, baseVersion?: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const theme = await lockTheme(tx, themeId)
    // An archived theme stays archived while its details are corrected; Unarchive brings it back.
    const status: ThemeStatus = theme.status === 'archived' ? 'archived' : input.status
    const current = detailsTexts(theme)
    const yours = detailsTexts({ ...input, status })
    if (isStale(baseVersion, theme.detailsVersion, current, yours))
      throw new EditConflict(THEME_CONFLICT_KEY, theme.detailsVersion, current, yours)
    if (input.parentId != null && (await wouldLoop(tx, themeId, input.parentId))) throw new ThemeEditError('parentCycle', 'parentId')
    const [oldParent, newParent] = await Promise.all([
      parentSubject(tx, theme.parentId).catch(() => null),
      parentSubject(tx, input.parentId),
    ])
    const before = {
      nameEn: theme.nameEn,
      nameZh: theme.nameZh,
      summaryEn: theme.summaryEn,
      summaryZh: theme.summaryZh,
      stance: theme.stance,
      status: theme.status,
      parent: oldParent,
    }
    const after = {
      nameEn: input.nameEn,
      nameZh: input.nameZh,
      summaryEn: input.summaryEn,
      summaryZh: input.summaryZh,
      stance: input.stance,
      status,
      parent: newParent,
    }
    const changes = changedFields(before, after)
    if (!changes) return
    const stamps = languageStamps({ en: theme.summaryEn, zh: theme.summaryZh }, { en: input.summaryEn, zh: input.summaryZh })
    await tx
      .updateTable('theme')
      .set({
        summary_en_updated_at: stamps.en,
        summary_zh_updated_at: stamps.zh,
        name_en: input.nameEn,
        name_zh: input.nameZh,
        summary_en: input.summaryEn,
        summary_zh: input.summaryZh,
        stance: input.stance,
        status,
        parent_id: newParent?.id ?? null,
        details_version: theme.detailsVersion + 1,
      })
      .where('id', '=', themeId)
      .execute()
    await auditTheme(tx, actor, themeId, 'update', changes.oldValue, changes.newValue)
  })
}

/**
 * When each language of a text pair was saved: now for a language whose text changed,
 * left as it was (undefined: kysely leaves the column out) for the other, so a reader can
 * be told which version is older.
 */
export function languageStamps(before: { en: string; zh: string }, after: { en: string; zh: string }, now = new Date()) {
  return { en: before.en === after.en ? undefined : now, zh: before.zh === after.zh ? undefined : now }
}

/** Archive, or bring back with the status it had before it was archived. */
export async function setThemeArchived(db: DB, actor: Actor, themeId: number, archived: boolean): Promise<void> {
  await inTransaction(db, async (tx) => {
    const theme = await lockTheme(tx, themeId)
    if ((theme.status === 'archived') === archived) return
    let status: 'active' | 'watching' | 'archived' = 'archived'
    if (!archived) {
      const last = await tx
        .selectFrom('audit_log')
        .select('old_value')
        .where('entity_type', '=', 'theme')
        .where('entity_id', '=', String(themeId))
        .where('action', '=', 'theme.archive')
        .orderBy('id', 'desc')
        .executeTakeFirst()
      const before = (last?.old_value as { status?: string } | null)?.status
      status = before === 'watching' ? 'watching' : 'active'
    }
    await tx.updateTable('theme').set({ status }).where('id', '=', themeId).execute()
    await auditTheme(tx, actor, themeId, archived ? 'archive' : 'unarchive', { status: theme.status }, { status })
  })
}
