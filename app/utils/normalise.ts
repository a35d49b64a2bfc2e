// Text folding shared by alias storage, search and the mention engine: NFKC turns
// full-width forms into half-width (Ｏｐｅｎ -> Open) and compatibility characters into
// their plain form; then case is folded and runs of white space become one space.
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim()
}

/** The key that makes two aliases "the same alias" (company_alias.normalised_text). */
export function normaliseAlias(text: string): string {
  return normaliseText(text)
}
