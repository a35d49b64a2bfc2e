import { foldAliasKey } from './fold.ts'

// "Not this company in this phrase": the words around a rejected match, folded like alias
// keys, so the same wording in another document (or after a rescan) is rejected too.
// The phrase is taken from the mention's snippet (about 60 characters either side, cut
// at white space) and reaches at most PHRASE_RADIUS characters either side of the match,
// so any later snippet of the same wording contains it whole.

/** Characters either side of the match that a phrase may reach. */
export const PHRASE_RADIUS = 16
/** A phrase holds at least this many characters besides the alias; shorter ones ignore clause ends. */
const MIN_CONTEXT = 6

const CLAUSE_END = /[。！？!?;；:：,，\n]|\.\s/g

/**
 * The phrase around a match: `snippet` holds the match at `matchStart`..`matchEnd`
 * (snippet offsets). Cut at the clause around the match and at whole Latin words.
 */
export function reviewPhrase(snippet: string, matchStart: number, matchEnd: number): string {
  let from = Math.max(0, matchStart - PHRASE_RADIUS)
  let to = Math.min(snippet.length, matchEnd + PHRASE_RADIUS)
  let clauseFrom = from
  let clauseTo = to
  for (const end of snippet.slice(from, to).matchAll(CLAUSE_END)) {
    const at = from + end.index
    if (at < matchStart) clauseFrom = at + end[0].length
    else if (at >= matchEnd && clauseTo === to) clauseTo = at
  }
  if (clauseTo - clauseFrom - (matchEnd - matchStart) >= MIN_CONTEXT) {
    from = clauseFrom
    to = clauseTo
  }
  // A Latin word cut by the radius is dropped, when a space before the match allows it.
  if (from > 0 && /[a-z0-9]/i.test(snippet[from - 1] ?? '')) {
    const space = snippet.indexOf(' ', from)
    if (space >= 0 && space < matchStart) from = space + 1
  }
  if (to < snippet.length && /[a-z0-9]/i.test(snippet[to] ?? '')) {
    const space = snippet.lastIndexOf(' ', to - 1)
    if (space >= matchEnd) to = space
  }
  return foldAliasKey(snippet.slice(from, to))
}

/**
 * Whether a phrase rule covers a mention: the phrase is within PHRASE_RADIUS of the match
 * in its snippet (the match at `matchStart`..`matchEnd`, snippet offsets). Without the
 * match's place (older rows), anywhere in the snippet.
 */
export function snippetHasPhrase(snippet: string, phrase: string, matchStart?: number, matchEnd?: number): boolean {
  if (!phrase) return false
  const window =
    matchStart === undefined || matchEnd === undefined || matchStart < 0 || matchEnd > snippet.length
      ? snippet
      : snippet.slice(Math.max(0, matchStart - PHRASE_RADIUS), matchEnd + PHRASE_RADIUS)
  return foldAliasKey(window).includes(phrase)
}
