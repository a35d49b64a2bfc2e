import { createCjkSplitFilter, isShortHanKey } from './cjk-filter.ts'
import { buildMentionMatcher } from './matcher.ts'
import { makeAliases } from './test-aliases.ts'

describe('the CJK split filter', () => {
  const filter = createCjkSplitFilter()
  const rejects = (text: string, alias: string) => {
    const start = text.indexOf(alias)
    return filter.rejects(text, start, start + alias.length)
  }

  it('rejects a short name whose first or last character forms a word with its neighbour', () => {
    expect(rejects('这是一张完美图像', '美图')).toBe(true) // 完美
    expect(rejects('美图像', '美图')).toBe(true) // 图像
    expect(rejects('我们的团队很完美团队', '美团')).toBe(true)
  })

  it('keeps names next to words they do not form a word with', () => {
    expect(rejects('美图公司发布', '美图')).toBe(false)
    expect(rejects('快手和抖音', '快手')).toBe(false)
    expect(rejects('快手和抖音', '抖音')).toBe(false)
    expect(rejects('百度发布', '百度')).toBe(false)
  })

  it('never vetoes with words holding a function character', () => {
    const strict = createCjkSplitFilter(['为了', '来自'])
    expect(strict.rejects('华为了解', 0, 2)).toBe(false)
    expect(strict.rejects('蔚来自研芯片', 0, 2)).toBe(false)
  })

  it('takes extra words', () => {
    expect(filter.rejects('美图灵', 0, 2)).toBe(false)
    expect(createCjkSplitFilter(['图灵']).rejects('美图灵', 0, 2)).toBe(true)
  })

  it('applies to all-Han keys of at most two characters', () => {
    expect(isShortHanKey('美图')).toBe(true)
    expect(isShortHanKey('文心一言')).toBe(false)
    expect(isShortHanKey('美a')).toBe(false)
  })

  it('is applied by the matcher to short Han aliases only', () => {
    const matcher = buildMentionMatcher(
      makeAliases([
        [1, '美图'],
        [2, '美图像素'],
      ]),
    )
    expect(matcher.findMentions('完美图像').map((m) => m.aliasText)).toEqual([])
    expect(matcher.findMentions('完美图像素').map((m) => m.aliasText)).toEqual(['美图像素'])
  })
})
