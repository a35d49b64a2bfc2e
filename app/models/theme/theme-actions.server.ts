import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import type { ThemeEdit } from '#app/schemas/theme.ts'

import { addDataStock, addEstimate } from './data-exhaustion.server.ts'
import { editThemeCompany, linkThemeCompany, unlinkThemeCompany } from './theme-companies.server.ts'
import { setThemeArchived, updateThemeDetails } from './theme-edit.server.ts'
import { addPoint, editPoint, movePoint, removePoint } from './theme-points.server.ts'
import { addSegment, editSegment, linkSegmentCompany, removeSegment, unlinkSegmentCompany } from './theme-segments.server.ts'
import { updateThesis } from './theme-thesis.server.ts'

// One inline edit on the theme page, already validated, applied by the model that owns
// that part. Kept out of the route so the route stays parse -> apply -> respond.
export async function applyThemeEdit(
  db: DB,
  actor: Actor,
  themeId: number,
  input: Exclude<ThemeEdit, { intent: 'preview' }>,
): Promise<void> {
  switch (input.intent) {
    case 'details': {
      const { intent: _intent, version, ...details } = input
      return updateThemeDetails(db, actor, themeId, details, version)
    }
    case 'thesis':
      return updateThesis(db, actor, themeId, { thesisMd: input.thesisMd, thesisZhMd: input.thesisZhMd }, input.version)
    case 'archive':
    case 'unarchive':
      return setThemeArchived(db, actor, themeId, input.intent === 'archive')
    case 'addPoint':
      await addPoint(db, actor, themeId, input.kind, { textEn: input.textEn, textZh: input.textZh, expectedOn: input.expectedOn })
      return
    case 'editPoint': {
      const { textEn, textZh, expectedOn } = input
      return editPoint(db, actor, themeId, input.pointId, { textEn, textZh, expectedOn }, input.version)
    }
    case 'removePoint':
      return removePoint(db, actor, themeId, input.pointId)
    case 'movePoint':
      return movePoint(db, actor, themeId, input.pointId, input.direction)
    case 'addSegment': {
      const { intent: _intent, ...segment } = input
      await addSegment(db, actor, themeId, segment)
      return
    }
    case 'editSegment': {
      const { intent: _intent, segmentId, version, ...segment } = input
      return editSegment(db, actor, themeId, segmentId, segment, version)
    }
    case 'removeSegment':
      return removeSegment(db, actor, themeId, input.segmentId)
    case 'linkSegmentCompany':
      return linkSegmentCompany(db, actor, themeId, input.segmentId, input.company)
    case 'unlinkSegmentCompany':
      return unlinkSegmentCompany(db, actor, themeId, input.segmentId, input.companyId)
    case 'linkCompany':
      await linkThemeCompany(db, actor, themeId, input.company, {
        role: input.role,
        exposure: input.exposure,
        note: input.note,
        reason: input.reason,
      })
      return
    case 'editCompany':
      return editThemeCompany(db, actor, themeId, input.companyId, {
        role: input.role,
        exposure: input.exposure,
        note: input.note,
        reason: input.reason,
      })
    case 'unlinkCompany':
      return unlinkThemeCompany(db, actor, themeId, input.companyId)
    case 'addStock':
      await addDataStock(db, actor, themeId, { nameEn: input.nameEn, nameZh: input.nameZh })
      return
    case 'addEstimate': {
      const { intent: _intent, stockId, ...estimate } = input
      await addEstimate(db, actor, themeId, stockId, estimate)
      return
    }
  }
}
