import type { DocumentLanguage } from '#db/types.ts'

// A document is zh, en or mixed by how much of its lettering is CJK. A Han character
// carries about as much as three Latin letters (a Chinese word is one or two characters,
// an English one about five letters), so CJK characters count three times: a text
// written half in each language by content then lands near the middle, and a Chinese
// report full of model names (GPT-4V, Stable Diffusion) still reads as Chinese.
const CJK_WEIGHT = 3
/** Weighted CJK share at or above which a text is Chinese. */
export const ZH_THRESHOLD = 0.7
/** Weighted CJK share at or below which a text is English. */
export const EN_THRESHOLD = 0.2

export interface LanguageCounts {
  cjk: number
  latin: number
  language: DocumentLanguage
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xd840 && code <= 0xd87f) // high surrogates of extensions B-F (one per character)
  )
}

function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0xff21 && code <= 0xff3a) || // full-width A-Z
    (code >= 0xff41 && code <= 0xff5a) // full-width a-z
  )
}

/** Counts CJK characters and Latin letters; a text with neither counts as English. */
export function detectLanguage(text: string): LanguageCounts {
  let cjk = 0
  let latin = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x41) continue
    if (isLatinLetter(code)) latin++
    else if (isCjk(code)) cjk++
  }
  const weighted = cjk * CJK_WEIGHT
  const share = weighted + latin === 0 ? 0 : weighted / (weighted + latin)
  const language: DocumentLanguage = share >= ZH_THRESHOLD ? 'zh' : share <= EN_THRESHOLD ? 'en' : 'mixed'
  return { cjk, latin, language }
}
