import type { MeetingView } from '#app/models/meeting/index.server.ts'

// What the meeting page sends the browser of a theme's view. Remix writes loader data into
// the page as JSON next to the HTML it rendered, so every byte here is stringified, parsed
// back and escaped on each render: the moves and the cells to discuss name their modality
// and dimension by id (the slides look the names up in view.modalities and view.dimensions)
// instead of repeating both objects on each of a week's hundreds of rows, and what only the
// server uses (the previous meeting's Markdown, rendered to HTML by the loader) stays there.

export function meetingPageView(view: MeetingView) {
  const { previousNotes: _previousNotes, moves, matrix, ...rest } = view
  return {
    ...rest,
    moves: moves.map(({ modality: _m, dimension: _d, savedAt: _s, ...move }) => move),
    matrix: {
      cells: matrix.cells,
      scorers: matrix.scorers,
      disagreements: matrix.disagreements.map(({ modality, dimension, ...cell }) => ({
        ...cell,
        modalityId: modality.id,
        dimensionId: dimension.id,
      })),
    },
  }
}

interface Axis {
  id: number
  slug: string
  nameEn: string
  nameZh: string
}

/** Looks an axis (modality, dimension) up by id; `undefined` when the view does not list it. */
export function axisById<T extends Axis>(axes: T[]): (id: number) => T | undefined {
  const byId = new Map(axes.map((a) => [a.id, a]))
  return (id) => byId.get(id)
}
