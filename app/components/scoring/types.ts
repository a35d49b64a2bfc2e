import { isCorrection } from '#app/scoring/correction.ts'
import type { EvidenceRef } from '#app/scoring/moves.ts'

// The shapes the scoring page's loader sends and its components read.

export interface GridLevel {
  level: number
  nameEn: string
  nameZh: string
  descriptionEn: string
  descriptionZh: string
}

export interface GridAxis {
  id: number
  slug: string
  nameEn: string
  nameZh: string
}

export interface CellData {
  /** "video.technology": modality slug, dimension slug. */
  key: string
  mine: { level: number; reason: string; evidence: EvidenceRef[]; updatedAt: string; firstSavedAt: string; sameScale: boolean } | null
  previous: { level: number; week: string; sameScale: boolean } | null
  team: { median: number; count: number; min: number; max: number; iqr: number; withinOne: number; disagreement: boolean } | null
  /** The team median of the week before, shown while nobody has scored this week yet. */
  teamBefore: { week: string; median: number; count: number } | null
}

export const cellKeyOf = (modality: { slug: string }, dimension: { slug: string }) => `${modality.slug}.${dimension.slug}`

/**
 * The level a new pick is compared with: this week's score (unless it can still be
 * corrected), else the analyst's latest earlier score. Same rule as the server (saveScore); levels of another rubric don't count.
 */
export function referenceLevel(cell: CellData | undefined, now: number = Date.now()): number | null {
  if (!cell) return null
  // A fresh first save can be corrected without a reason: last week's score is the reference.
  if (cell.mine && !isCorrection(cell.mine.firstSavedAt, now)) return cell.mine.sameScale ? cell.mine.level : null
  return cell.previous?.sameScale ? cell.previous.level : null
}

export function reasonRequired(cell: CellData | undefined, level: number): boolean {
  const reference = referenceLevel(cell)
  return reference !== null && reference !== level
}
