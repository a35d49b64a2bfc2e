// Text as a reader would type it, from text as a PDF stores it. Broker PDFs often draw a
// Chinese character with its radical code point (⾕歌, 快⼿, ⻓江 for 谷歌, 快手, 长江): it looks
// right on the page, but search, snippets and copy-paste get the wrong characters. And a
// PDF's lines are the page's lines: an English word hyphenated at a line end, or a Chinese
// sentence carried onto the next line, is split in two.
//
// Only look-alike blocks go through NFKC, not the whole text: full NFKC would also turn
// Chinese full-width punctuation (，：（）！) into ASCII and ① into 1, changing clean text.

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) characters drawn the same as a unified ideograph,
 * which NFKC leaves alone (it folds only ⺟ and ⻳ of this block). Hand-checked against the
 * radicals' Unicode names (C-SIMPLIFIED GATE is 门, SIMPLIFIED YELLOW is 黄, ...); a test per entry.
 */
export const RADICAL_SUPPLEMENT: ReadonlyMap<string, string> = new Map(
  (
    [
      [0x2e85, 0x4ebb], // PERSON 亻
      [0x2e89, 0x5202], // KNIFE TWO 刂
      [0x2e96, 0x5fc4], // HEART ONE 忄
      [0x2e99, 0x6535], // RAP 攵
      [0x2e9b, 0x65e1], // CHOKE 旡
      [0x2e9d, 0x6708], // MOON 月
      [0x2e9e, 0x6b7a], // DEATH 歺
      [0x2ea0, 0x6c11], // CIVILIAN 民
      [0x2ea1, 0x6c35], // WATER ONE 氵
      [0x2ea3, 0x706c], // FIRE 灬
      [0x2ea4, 0x722b], // PAW ONE 爫
      [0x2ea8, 0x72ad], // DOG 犭
      [0x2ea9, 0x738b], // JADE 王
      [0x2eac, 0x793a], // SPIRIT ONE 示
      [0x2ead, 0x793b], // SPIRIT TWO 礻
      [0x2eaf, 0x7cf9], // SILK 糹
      [0x2eb0, 0x7e9f], // C-SIMPLIFIED SILK 纟
      [0x2eb9, 0x8002], // OLD 耂
      [0x2ebe, 0x8279], // GRASS ONE 艹
      [0x2ec1, 0x864e], // TIGER 虎
      [0x2ec2, 0x8864], // CLOTHES 衤
      [0x2ec3, 0x8980], // WEST ONE 覀
      [0x2ec4, 0x897f], // WEST TWO 西
      [0x2ec5, 0x89c1], // C-SIMPLIFIED SEE 见
      [0x2ec6, 0x89d2], // SIMPLIFIED HORN 角
      [0x2ec8, 0x8ba0], // C-SIMPLIFIED SPEECH 讠
      [0x2ec9, 0x8d1d], // C-SIMPLIFIED SHELL 贝
      [0x2ecb, 0x8f66], // C-SIMPLIFIED CART 车
      [0x2ecc, 0x8fb6], // SIMPLIFIED WALK 辶
      [0x2ecd, 0x8fb6], // WALK ONE 辶
      [0x2ecf, 0x961d], // CITY 阝
      [0x2ed0, 0x9485], // C-SIMPLIFIED GOLD 钅
      [0x2ed1, 0x9577], // LONG ONE 長
      [0x2ed2, 0x9578], // LONG TWO 镸
      [0x2ed3, 0x957f], // C-SIMPLIFIED LONG 长
      [0x2ed4, 0x95e8], // C-SIMPLIFIED GATE 门
      [0x2ed6, 0x961d], // MOUND TWO 阝
      [0x2ed8, 0x9752], // BLUE 青
      [0x2ed9, 0x97e6], // C-SIMPLIFIED TANNED LEATHER 韦
      [0x2eda, 0x9875], // C-SIMPLIFIED LEAF 页
      [0x2edb, 0x98ce], // C-SIMPLIFIED WIND 风
      [0x2edc, 0x98de], // C-SIMPLIFIED FLY 飞
      [0x2edd, 0x98df], // EAT ONE 食
      [0x2edf, 0x98e0], // EAT THREE 飠
      [0x2ee0, 0x9963], // C-SIMPLIFIED EAT 饣
      [0x2ee2, 0x9a6c], // C-SIMPLIFIED HORSE 马
      [0x2ee3, 0x9aa8], // BONE 骨
      [0x2ee4, 0x9b3c], // GHOST 鬼
      [0x2ee5, 0x9c7c], // C-SIMPLIFIED FISH 鱼
      [0x2ee6, 0x9e1f], // C-SIMPLIFIED BIRD 鸟
      [0x2ee7, 0x5364], // C-SIMPLIFIED SALT 卤
      [0x2ee8, 0x9ea6], // SIMPLIFIED WHEAT 麦
      [0x2ee9, 0x9ec4], // SIMPLIFIED YELLOW 黄
      [0x2eea, 0x9efe], // C-SIMPLIFIED FROG 黾
      [0x2eeb, 0x6589], // J-SIMPLIFIED EVEN 斉
      [0x2eec, 0x9f50], // C-SIMPLIFIED EVEN 齐
      [0x2eed, 0x6b6f], // J-SIMPLIFIED TOOTH 歯
      [0x2eee, 0x9f7f], // C-SIMPLIFIED TOOTH 齿
      [0x2eef, 0x7adc], // J-SIMPLIFIED DRAGON 竜
      [0x2ef0, 0x9f99], // C-SIMPLIFIED DRAGON 龙
      [0x2ef2, 0x4e80], // J-SIMPLIFIED TURTLE 亀
    ] as const
  ).map(([from, to]) => [String.fromCodePoint(from), String.fromCodePoint(to)]),
)

/**
 * The look-alikes: CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs
 * (and their supplement), Latin ligatures (ﬁ ﬂ, common in PDFs) and full-width letters and
 * digits (ＡＩ, ２０２６). One character per match: linear.
 */
const LOOK_ALIKE = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\ufb00-\ufb06\uff10-\uff19\uff21-\uff3a\u{2f800}-\u{2fa1f}]/giu

/** Radicals, compatibility ideographs, ligatures and full-width letters as their ordinary characters. */
export function foldLookAlikes(text: string): string {
  return text.replace(LOOK_ALIKE, (char) => RADICAL_SUPPLEMENT.get(char) ?? char.normalize('NFKC'))
}

/**
 * A Chinese line shorter than this that ends without punctuation is taken for a heading or
 * a table cell, not a sentence the page wrapped, and keeps its line break.
 */
export const MIN_WRAPPED_LINE = 16

/** One Han character before a single line break and one after it. */
const HAN_LINE_BREAK = /(?<=\p{Script=Han})\n(?=\p{Script=Han})/gu
/**
 * A word broken as "compa-\nny": a lower-case word before (so "Hong Kong-\nlisted" keeps its
 * hyphen) and a lower-case letter after. The lookbehind starts a match only where a word
 * starts, so a long word is not rescanned from each of its letters.
 */
const HYPHENATED = /(?<![\p{L}\p{N}])(\p{Ll}+)-\n(?=\p{Ll})/gu

/**
 * Sentences the page's line ends cut, joined: "compa-\nny" -> "company", and a Chinese line
 * ending and the next starting with a Han character (so no sentence punctuation between)
 * joined without a space when the line is long enough to have been wrapped. Blank lines
 * (paragraphs) are kept. Expects one kind of line break (\n), as cleanDocumentText makes.
 */
export function joinWrappedLines(text: string): string {
  return text.replace(HYPHENATED, '$1').replace(HAN_LINE_BREAK, (_match, offset: number, whole: string) => {
    // Each line is looked back over once (one break per line end): linear overall.
    const lineStart = whole.lastIndexOf('\n', offset - 1) + 1
    return offset - lineStart >= MIN_WRAPPED_LINE ? '' : '\n'
  })
}

/**
 * Four or more Han characters each set apart by one space: a PDF drawn with letter-spacing
 * (腾 讯 控 股), whose extraction puts a space between glyphs. Chinese never spaces the
 * characters of a word, and a list of words (腾讯 阿里 百度) has no run of single characters.
 */
const LETTER_SPACED = /\p{Script=Han}(?: \p{Script=Han}){3,}/gu

/** Letter-spaced Chinese closed up: 腾 讯 控 股 -> 腾讯控股. */
export function closeLetterSpacing(text: string): string {
  return text.replace(LETTER_SPACED, (run) => run.replaceAll(' ', ''))
}

/**
 * Four or more lines of one Han character (or CJK punctuation) each: text set vertically
 * or rotated by 90°, which PDF readers give one glyph per line (竖\n排\n商\n汤). Prose
 * never has such lines; a column of one-character table cells would be closed up too.
 */
const ONE_GLYPH_LINES =
  /^(?:[\p{Script=Han}\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff1f]\n){3,}[\p{Script=Han}\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff1f]$/gmu

/** Vertical or rotated Chinese as one line: 竖\n排\n商\n汤 -> 竖排商汤. */
export function joinOneGlyphLines(text: string): string {
  return text.replace(ONE_GLYPH_LINES, (run) => run.replaceAll('\n', ''))
}

/** Extracted text as it is stored: look-alikes folded, vertical runs and letter-spacing closed, wrapped lines joined. */
export function cleanExtractedText(text: string): string {
  return joinWrappedLines(closeLetterSpacing(joinOneGlyphLines(foldLookAlikes(text))))
}
