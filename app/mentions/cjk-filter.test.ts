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

  it('keeps a name when the character a straddled word borrows forms a word on its other side', () => {
    expect(rejects('智谱发布清影视频模型', '清影')).toBe(false) // 影视 straddles, 视频 holds 视
    expect(rejects('清影视觉', '清影')).toBe(false) // 视觉
    expect(rejects('清影视', '清影')).toBe(true) // nothing after: 影视 stands
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

  it('rejects a short name counted like an object: 一张美图, 这幅美图, but not 一家美图', () => {
    expect(rejects('今天拍了一张美图', '美图')).toBe(true)
    expect(rejects('这幅美图很好看', '美图')).toBe(true)
    expect(rejects('一家美图这样的公司', '美图')).toBe(false)
    expect(rejects('张美图', '美图')).toBe(false) // a classifier alone could be a surname
  })

  it('rejects a short name inside a veto phrase as written around it, not elsewhere', () => {
    const withIdioms = createCjkSplitFilter([], ['快手快脚', '巧夺天工'])
    const at = (text: string, alias: string, from = 0) => {
      const start = text.indexOf(alias, from)
      return withIdioms.rejects(text, start, start + alias.length)
    }
    expect(at('他快手快脚地收拾好了', '快手')).toBe(true)
    expect(at('真是巧夺天工', '天工')).toBe(true)
    expect(at('快手发布可灵', '快手')).toBe(false)
    expect(at('他快手快脚，快手发布了新版', '快手', 7)).toBe(false)
  })

  it('rejects a short name joined by a middle dot to other Han characters: a foreign personal name', () => {
    expect(rejects('拳王穆罕默德·阿里的传记', '阿里')).toBe(true)
    expect(rejects('阿里・汗出演', '阿里')).toBe(true)
    expect(rejects('阿里·Cloud', '阿里')).toBe(false)
    expect(rejects('阿里发布通义', '阿里')).toBe(false)
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
