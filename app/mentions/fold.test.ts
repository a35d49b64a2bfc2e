import { normaliseText } from '#app/utils/normalise.ts'

import { CharClass, equalsExactCase, foldAliasKey, foldText, getFoldTables, matchStart } from './fold.ts'

describe('foldText', () => {
  it('folds full-width forms, case and the ideographic space without changing length', () => {
    const text = 'Ｏｐｅｎ\u3000ＡＩ，ＧＰＴ－４Ｖ'
    expect(foldText(text)).toBe('open ai,gpt-4v')
    expect(foldText(text)).toHaveLength(text.length)
  })

  it('keeps surrogate pairs as they are', () => {
    expect(foldText('😀A')).toBe('😀a')
  })

  it('folds look-alike hyphens and middle dots', () => {
    expect(foldText('GPT\u20114V DALL\u30fbE')).toBe('gpt-4v dall·e')
  })
})

describe('foldAliasKey', () => {
  it('gives the stored normaliseText key for ordinary aliases', () => {
    for (const alias of [
      'Ｏｐｅｎ ＡＩ',
      '  Stable \n Diffusion ',
      '美图',
      'DALL·E 3',
      '0700.HK',
      'PixArt-α',
      'ﬁnance',
      'Ⅻ Labs',
      'ＳＡＭ',
    ]) {
      expect(foldAliasKey(alias)).toBe(normaliseText(alias))
    }
  })

  it('keeps case for case-sensitive aliases', () => {
    expect(foldAliasKey('ＳＡＭ', true)).toBe('SAM')
  })
})

describe('matchStart', () => {
  it('walks back over collapsed white space only', () => {
    const { fold } = getFoldTables()
    const text = 'xx Stable \n  Diffusion'
    expect(matchStart(text, text.length, 'stable diffusion'.length, fold)).toBe(3)
    expect(matchStart('ab cd', 5, 5, fold)).toBe(0)
  })
})

describe('equalsExactCase', () => {
  it('compares width-folded units and skips collapsed spaces', () => {
    expect(equalsExactCase('a ＳＡＭ b', 2, 5, 'SAM')).toBe(true)
    expect(equalsExactCase('a Sam b', 2, 5, 'SAM')).toBe(false)
    expect(equalsExactCase('Big  Co', 0, 7, 'Big Co')).toBe(true)
  })
})

describe('character classes', () => {
  it('tells spaced-script word characters from CJK and punctuation', () => {
    const { charClass } = getFoldTables()
    const classOf = (char: string) => charClass[char.charCodeAt(0)]
    expect(classOf('a')).toBe(CharClass.Word)
    expect(classOf('Ａ')).toBe(CharClass.Word)
    expect(classOf('7')).toBe(CharClass.Word)
    expect(classOf('α')).toBe(CharClass.Word)
    expect(classOf('度')).toBe(CharClass.Cjk)
    expect(classOf('-')).toBe(CharClass.Other)
    expect(classOf('😀')).toBe(CharClass.Other)
  })
})
