import { Refusal } from './refusal.ts'
import { type DiffPart, diffText } from './text-diff.ts'

// Optimistic concurrency for texts edited in forms (a thesis, a risk, meeting notes, a
// watchlist rationale). A form carries the version it was opened at; a save from an
// older version, when someone else saved meanwhile, is refused with an EditConflict
// that carries their text and its version, so the page can show it next to the text
// the person typed (kept in the form) and a second save, now from their version, goes
// through on purpose.

/** The saved values of the form's fields and the typed ones, as the form posts them. */
export type FieldTexts = Record<string, string>

export class EditConflict extends Refusal {
  constructor(
    messageKey: string,
    /** The version saved now: a save from it replaces their text. */
    readonly version: number,
    readonly current: FieldTexts,
    readonly yours: FieldTexts,
  ) {
    // The message goes next to the first field whose saved text differs from the typed one.
    const field = Object.keys(current).find((name) => current[name] !== yours[name]) ?? 'form'
    super('conflict', { messageKey, field, status: 409 })
    this.name = 'EditConflict'
  }
}

/** One field whose saved text differs from the typed one. */
export interface ConflictField {
  name: string
  current: string
  yours: string
  /** From their text to yours: `del` is only in theirs, `ins` only in yours. */
  diff: DiffPart[]
}

/** What a page needs to show a conflict; travels in the action's 409 response. */
export interface ConflictView {
  version: number
  fields: ConflictField[]
}

/**
 * When two texts are the same, a stale save changes nothing and is not a conflict; the
 * models call this before refusing.
 */
export function sameTexts(current: FieldTexts, yours: FieldTexts): boolean {
  return Object.keys(current).every((name) => current[name] === yours[name])
}

/** Whether a save from `base` must be refused: someone saved since, and the texts differ. */
export function isStale(base: number | undefined, version: number, current: FieldTexts, yours: FieldTexts): boolean {
  return base !== undefined && base !== version && !sameTexts(current, yours)
}

// An unchanged run this short between two changes (a colon, one shared Chinese character,
// a space) splits two different sentences into confetti: it is shown as part of both.
const NOISE = 3

/**
 * The diff, made readable for comparing two people's texts: between unchanged stretches,
 * their words come first as one deletion and yours after as one insertion.
 */
export function readableDiff(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  let del = ''
  let ins = ''
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del })
    if (ins) out.push({ kind: 'ins', text: ins })
    del = ins = ''
  }
  parts.forEach((part, i) => {
    if (part.kind === 'del') del += part.text
    else if (part.kind === 'ins') ins += part.text
    else if (part.kind === 'same' && (del || ins) && isChange(parts[i + 1]) && part.text.length <= NOISE && !part.text.includes('\n')) {
      del += part.text
      ins += part.text
    } else {
      flush()
      out.push(part)
    }
  })
  flush()
  return out
}

const isChange = (part: DiffPart | undefined) => part?.kind === 'del' || part?.kind === 'ins'

export function conflictView(error: EditConflict): ConflictView {
  const fields = Object.keys(error.current)
    .filter((name) => error.current[name] !== error.yours[name])
    .map((name) => ({
      name,
      current: error.current[name],
      yours: error.yours[name] ?? '',
      diff: readableDiff(diffText(error.current[name], error.yours[name] ?? '')),
    }))
  return { version: error.version, fields }
}

/** The extra part of a refusal response: `{ conflict }` for an EditConflict, else nothing. */
export function conflictExtra(error: unknown): { conflict?: ConflictView } {
  return error instanceof EditConflict ? { conflict: conflictView(error) } : {}
}
