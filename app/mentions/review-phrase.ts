import { foldAliasKey } from './fold.ts'

// "Not this company in this phrase": the words around a rejected match, folded like alias
// keys, so the same wording in another document (or after a rescan) is rejected too.
// The phrase is taken from the mention's snippet (about 60 characters either side, cut
// at white space) and reaches at most PHRASE_RADIUS characters either side of the match,
// so any later snippet of the same wording contains it whole.

/** Characters either side of the match that a phrase may reach. */
export const PHRASE_RADIUS = 24
/** A phrase holds at least this many characters besides the alias; shorter ones ignore sentence ends. */
const MIN_CONTEXT = 6

const SENTENCE_END = /[。！？!?;；\n]|\.\s/g

/**
 * The phrase around a match: `snippet` holds the match at `matchStart`..`matchEnd`
 * (snippet offsets). Cut at the sentence around the match and at whole Latin words.
 */
export function reviewPhrase(snippet: string, matchStart: number, matchEnd: number): string {
  let from = Math.max(0, matchStart - PHRASE_RADIUS)
  let to = Math.min(snippet.length, matchEnd + PHRASE_RADIUS)
  let sentenceFrom = from
  let sentenceTo = to
  for (const end of snippet.slice(from, to).matchAll(SENTENCE_END)) {
    const at = from + end.index
    if (at < matchStart) sentenceFrom = at + end[0].length
    else if (at >= matchEnd && sentenceTo === to) sentenceTo = at
  }
  if (sentenceTo - sentenceFrom - (matchEnd - matchStart) >= MIN_CONTEXT) {
    from = sentenceFrom
    to = sentenceTo
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

/** Whether a phrase rule covers a mention whose snippet is `snippet`. */
export function snippetHasPhrase(snippet: string, phrase: string): boolean {
  return foldAliasKey(snippet).includes(phrase)
}
