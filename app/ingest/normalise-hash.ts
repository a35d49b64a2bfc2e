import { createHash } from 'node:crypto'

// Two copies of one report (pasted from a PDF viewer, uploaded as a file, fetched from a
// feed) differ in white space and in full-width/compatibility forms, not in content.
// The hash ignores exactly those differences, so the same content is stored once.

/** NFKC, every run of white space as one space, trimmed: the text the hash is taken of. */
export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim()
}

/** sha256 (hex) of the normalised text: document.content_hash. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex')
}
