// The heatmap's cells for one week: the week's consensus per modality x dimension, with
// the previous week's median for the change arrow. Keyed "modality.dimension" by slug.

interface Row {
  modalityId: number
  dimensionId: number
  week: string
  median: number
  min: number
  max: number
  count: number
  iqr?: number
  withinOne?: number
  disagreement: boolean
}

interface Axis {
  id: number
  slug: string
}

export interface MatrixCell {
  median: number
  min: number
  max: number
  count: number
  /** Interquartile range, when the reading measured it (the grid and meeting show it beside n). */
  iqr?: number
  /** Share of analysts within one level of the median (0 to 1). */
  withinOne?: number
  disagreement: boolean
  previousMedian: number | null
}

export function buildMatrix(
  rows: Row[],
  week: string,
  previousWeek: string,
  modalities: Axis[],
  dimensions: Axis[],
): Record<string, MatrixCell> {
  const cells: Record<string, MatrixCell> = {}
  for (const m of modalities) {
    for (const d of dimensions) {
      const now = rows.find((r) => r.week === week && r.modalityId === m.id && r.dimensionId === d.id)
      if (!now) continue
      const before = rows.find((r) => r.week === previousWeek && r.modalityId === m.id && r.dimensionId === d.id)
      cells[`${m.slug}.${d.slug}`] = {
        median: now.median,
        min: now.min,
        max: now.max,
        count: now.count,
        ...(now.iqr === undefined ? {} : { iqr: now.iqr }),
        ...(now.withinOne === undefined ? {} : { withinOne: now.withinOne }),
        disagreement: now.disagreement,
        previousMedian: before?.median ?? null,
      }
    }
  }
  return cells
}
