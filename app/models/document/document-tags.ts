// A document's tags as typed on the upload form or the document's page.

const MAX_TAGS = 20
const MAX_TAG = 50

/** Tags as typed: trimmed, without duplicates (case-insensitively, the first spelling kept), bounded. */
export function normaliseTags(tags: readonly string[] = []): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG)
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out.slice(0, MAX_TAGS)
}
