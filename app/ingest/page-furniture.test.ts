import { describe, expect, it } from 'vitest'

import { removePageFurniture } from './page-furniture.ts'

const page = (n: number, of: number, body: string) =>
  ['华泰证券 | 传媒行业深度报告', body, '请务必阅读正文之后的免责声明部分', `第 ${n} 页 / 共 ${of} 页`].join('\n')

describe('page furniture', () => {
  it('keeps a header, disclaimer and page number once and removes their copies from later pages', () => {
    const bodies = ['快手可灵发布新版本。', '生数科技的Vidu获得融资。', '美图的设计工具用户增长。', '腾讯混元开源视频模型。']
    const { text, linesRemoved } = removePageFurniture(bodies.map((b, i) => page(i + 1, 4, b)).join('\f'))
    expect(linesRemoved).toBe(9)
    expect(text.split('华泰证券').length - 1).toBe(1)
    expect(text).toContain('第 1 页 / 共 4 页')
    expect(text).not.toContain('第 2 页')
    for (const body of bodies) expect(text).toContain(body)
    expect(text.split('\f')).toHaveLength(4)
  })

  it('matches "Page 3 of 12" whatever the number, and English headers whatever their case', () => {
    const pages = Array.from(
      { length: 6 },
      (_, i) => `${i % 2 ? 'ACME RESEARCH' : 'Acme Research'}\nNote ${'abcdef'[i]} on video models.\nPage ${i + 1} of 6`,
    )
    const { text, linesRemoved } = removePageFurniture(pages.join('\f'))
    expect(linesRemoved).toBe(10)
    expect(text).toContain('Page 1 of 6')
    expect(text).toContain('Note f on video models.')
  })

  it('leaves a line that repeats on only a few pages', () => {
    const pages = Array.from(
      { length: 8 },
      (_, i) => `Section ${'ABCDEFGH'[i]} text.\n${i < 3 ? 'Runway and Pika shipped.' : `Other news ${'ABCDEFGH'[i]}.`}`,
    )
    const text = pages.join('\f')
    expect(removePageFurniture(text)).toEqual({ text, linesRemoved: 0 })
  })

  it('never touches text without page breaks, or with fewer than three pages', () => {
    const lines = 'Tencent Research\nTencent Research\nTencent Research'
    expect(removePageFurniture(lines)).toEqual({ text: lines, linesRemoved: 0 })
    const two = 'Tencent Research\nOne.\fTencent Research\nTwo.'
    expect(removePageFurniture(two)).toEqual({ text: two, linesRemoved: 0 })
  })

  it('removes a row of figures only where it repeats exactly, not every row with as many numbers', () => {
    const pages = ['Revenue 2023 12.5 13.2\nTencent grew.', 'Revenue 2024 14.1 15.0\nBaidu grew.', 'Revenue 2025 16.3 17.9\nMeitu grew.']
    expect(removePageFurniture(pages.join('\f')).linesRemoved).toBe(0)
  })

  it('does not look in the middle of long pages, only near the top and foot', () => {
    const middle = (i: number) =>
      Array.from({ length: 12 }, (_, j) => (j === 6 ? 'Tencent Hunyuan leads.' : `Line ${'wxyz'[i]}${'abcdefghijkl'[j]}`)).join('\n')
    const text = Array.from({ length: 4 }, (_, i) => middle(i)).join('\f')
    expect(removePageFurniture(text).linesRemoved).toBe(0)
  })
})
