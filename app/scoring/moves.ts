// "What moved": every analyst's score of a week compared with their score of the
// previous week. Pure, so the same comparison serves the latest scores and a past
// instant's view (the meeting page's "as of").

export interface EvidenceRef {
  documentId: number | null
  mentionId: number | null
  title: string
}

export interface WeekScore {
  scoreId: number
  userId: number
  modalityId: number
  dimensionId: number
  rubricId: number
  level: number
  reason: string
  evidence: EvidenceRef[]
  savedAt: Date | string
}

export type MoveKind = 'up' | 'down' | 'new' | 'rescaled'

export interface Move {
  kind: MoveKind
  userId: number
  modalityId: number
  dimensionId: number
  from: number | null
  to: number
  reason: string
  evidence: EvidenceRef[]
  savedAt: Date | string
}

const cellKey = (s: { userId: number; modalityId: number; dimensionId: number }) => `${s.userId}:${s.modalityId}:${s.dimensionId}`

/**
 * Changes from `previous` (last week) to `current` (this week): a level that went up or
 * down, a first score ('new'), or a score on a different rubric ('rescaled', levels not
 * comparable). Unchanged levels are not moves. `sameScale(a, b)` says whether two rubric
 * ids are versions of one rubric.
 */
export function diffWeeks(previous: WeekScore[], current: WeekScore[], sameScale: (a: number, b: number) => boolean): Move[] {
  const before = new Map(previous.map((s) => [cellKey(s), s]))
  const moves: Move[] = []
  for (const now of current) {
    const was = before.get(cellKey(now))
    const base = {
      userId: now.userId,
      modalityId: now.modalityId,
      dimensionId: now.dimensionId,
      to: now.level,
      reason: now.reason,
      evidence: now.evidence,
      savedAt: now.savedAt,
    }
    if (!was) moves.push({ ...base, kind: 'new', from: null })
    else if (!sameScale(was.rubricId, now.rubricId)) moves.push({ ...base, kind: 'rescaled', from: was.level })
    else if (was.level !== now.level) moves.push({ ...base, kind: now.level > was.level ? 'up' : 'down', from: was.level })
  }
  return moves
}
