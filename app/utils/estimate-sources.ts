// Estimates by source. Two sources that disagree are not a revision: a revision is the
// same source changing its estimate, and "current" is the latest estimate of each source.
// (Comparing a broker's 2026-2028 with Epoch AI's 2030-2050 once showed as "-25 years".)

/** The source as it identifies a series of estimates: case and spacing do not make a new source. */
export const sourceKey = (source: string) => source.trim().replace(/\s+/g, ' ').toLowerCase()

export interface DatedEstimate {
  id: number
  source: string
  estimatedOn: string
  yearFrom: number
  yearTo: number
}

export type SourcedEstimate<T> = T & {
  sourceKey: string
  /** The latest estimate of its source (by the date it was made, then by entry). */
  isCurrent: boolean
  /** Against the same source's previous estimate; null for a source's first. Positive: later. */
  shiftFrom: number | null
  shiftTo: number | null
}

const byDate = (a: DatedEstimate, b: DatedEstimate) => a.estimatedOn.localeCompare(b.estimatedOn) || a.id - b.id

/** One stock's estimates, oldest first, each marked against its own source's history. */
export function revisionsBySource<T extends DatedEstimate>(estimates: readonly T[]): SourcedEstimate<T>[] {
  const sorted = [...estimates].sort(byDate)
  const previous = new Map<string, T>()
  const latest = new Map<string, number>()
  const marked = sorted.map((e) => {
    const key = sourceKey(e.source)
    const prev = previous.get(key)
    previous.set(key, e)
    latest.set(key, e.id)
    return {
      ...e,
      sourceKey: key,
      isCurrent: false,
      shiftFrom: prev ? e.yearFrom - prev.yearFrom : null,
      shiftTo: prev ? e.yearTo - prev.yearTo : null,
    }
  })
  for (const e of marked) e.isCurrent = latest.get(e.sourceKey) === e.id
  return marked
}

/** Sources in the order their first estimate was made, so each keeps its colour and place everywhere. */
export function sourceOrder(estimates: readonly DatedEstimate[]): string[] {
  const order: string[] = []
  for (const e of [...estimates].sort(byDate)) {
    const key = sourceKey(e.source)
    if (!order.includes(key)) order.push(key)
  }
  return order
}

/** Group marked estimates by source, in source order: the revisions table shows one group per source. */
export function groupBySource<T extends DatedEstimate>(estimates: readonly SourcedEstimate<T>[]) {
  const groups = new Map<string, { source: string; estimates: SourcedEstimate<T>[] }>()
  for (const key of sourceOrder(estimates)) groups.set(key, { source: '', estimates: [] })
  for (const e of estimates) {
    const group = groups.get(e.sourceKey)
    if (!group) continue
    group.estimates.push(e)
    // The latest spelling names the group.
    group.source = e.source
  }
  return [...groups.values()]
}
