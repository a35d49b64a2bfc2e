// A company name typed in one cell ("Pixel Dreams 像素梦工厂", "腾讯 (Tencent)", "像素梦工厂")
// split into the English and Chinese fields a company has. The Chinese field gets the part
// written in Chinese characters; the English field the Latin part. The English field may
// not be empty (the company table requires it), so a name with no English part keeps the
// whole text there too until someone edits the company.

const HAN = /\p{Script=Han}/u
// Too little Latin to be an English name on its own: "智谱 AI" is one Chinese name.
const MIN_LATIN_LETTERS = 4
const BRACKETED = /^([^()（）]+)[(（]([^()（）]+)[)）]$/u

export interface BilingualName {
  nameEn: string
  nameZh: string
}

const latinLetters = (text: string) => (text.match(/\p{Script=Latin}/gu) ?? []).length

function pair(a: string, b: string): BilingualName | null {
  const [han, other] = HAN.test(a) && !HAN.test(b) ? [a, b] : HAN.test(b) && !HAN.test(a) ? [b, a] : [null, null]
  if (han === null || other === null || latinLetters(other) < MIN_LATIN_LETTERS) return null
  return { nameEn: other.trim(), nameZh: han.trim() }
}

export function splitBilingualName(input: string): BilingualName {
  const text = input.trim().replace(/\s+/gu, ' ')
  if (!HAN.test(text)) return { nameEn: text, nameZh: '' }
  const bracketed = BRACKETED.exec(text)
  const fromBrackets = bracketed ? pair(bracketed[1], bracketed[2]) : null
  if (fromBrackets) return fromBrackets
  // "Latin words 中文词" or "中文词 Latin words": one boundary between a part without Chinese
  // characters and a part whose every word has them.
  const words = text.split(' ')
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k)
    const tail = words.slice(k)
    const split =
      (head.every((w) => !HAN.test(w)) && tail.every((w) => HAN.test(w))) ||
      (head.every((w) => HAN.test(w)) && tail.every((w) => !HAN.test(w)))
    if (split) {
      const found = pair(head.join(' '), tail.join(' '))
      if (found) return found
    }
  }
  return { nameEn: text, nameZh: text }
}
