import { idiomsContaining } from './idioms.ts'

describe("idioms from jieba's dictionary", () => {
  it('finds the idioms and set phrases that hold a short Chinese alias', () => {
    const found = idiomsContaining(['快手', '天工', '腾讯'])
    expect(found).toContain('快手快脚')
    expect(found).toContain('巧夺天工')
    expect(found.every((idiom) => idiom.includes('快手') || idiom.includes('天工'))).toBe(true)
  })

  it('leaves out a brand followed by a noun, and names', () => {
    expect(idiomsContaining(['微软'])).not.toContain('微软拼音')
    expect(idiomsContaining(['美图'])).not.toContain('美图秀秀')
  })

  it('ignores Latin and long aliases', () => {
    expect(idiomsContaining(['Runway', '文心一言'])).toEqual([])
  })
})
