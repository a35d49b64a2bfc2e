import { describe, expect, it } from 'vitest'

import { parseTags } from '#app/schemas/watchlist.ts'

import { applyView, nextSort, parseView, type ViewRow, viewToParams } from './watchlist-view.ts'

const row = (nameEn: string, over: Partial<ViewRow> = {}): ViewRow => ({
  nameEn,
  nameZh: '',
  region: 'domestic',
  vendorType: 'platform',
  isListed: true,
  rationale: '',
  notesMd: '',
  tags: [],
  addedAt: '2026-11-01T00:00:00.000Z',
  addedByName: null,
  tickers: [],
  themes: [],
  ...over,
})

const rows = [
  row('Kuaishou', { nameZh: '快手', tickers: [{ exchange: 'HK', code: '1024' }], tags: ['video'], addedAt: '2026-11-03T00:00:00.000Z' }),
  row('OpenAI', {
    region: 'overseas',
    vendorType: 'model_company',
    isListed: false,
    tags: ['model', 'video'],
    rationale: 'Sora',
    addedAt: '2026-11-02T00:00:00.000Z',
  }),
  row('Zhihu', { nameZh: '知乎', tags: ['text'], themes: [{ slug: 'multimodal-ai', nameEn: 'Multimodal AI', nameZh: '多模态' }] }),
]
const label = (r: ViewRow, key: string) =>
  key === 'company' ? r.nameEn : key === 'region' ? r.region : key === 'tags' ? r.tags.join(', ') : ''
const names = (view: ReturnType<typeof parseView>) => applyView(rows, view, label, 'en').map((r) => r.nameEn)

describe('watchlist table view', () => {
  it('defaults to newest first', () => {
    expect(names(parseView(new URLSearchParams()))).toEqual(['Kuaishou', 'OpenAI', 'Zhihu'])
  })

  it('filters by category and by text across names, tickers, tags and rationale', () => {
    expect(names(parseView(new URLSearchParams('region=overseas')))).toEqual(['OpenAI'])
    expect(names(parseView(new URLSearchParams('listing=listed')))).toEqual(['Kuaishou', 'Zhihu'])
    expect(names(parseView(new URLSearchParams('tag=video')))).toEqual(['Kuaishou', 'OpenAI'])
    expect(names(parseView(new URLSearchParams('theme=multimodal-ai')))).toEqual(['Zhihu'])
    expect(names(parseView(new URLSearchParams('q=1024')))).toEqual(['Kuaishou'])
    expect(names(parseView(new URLSearchParams('q=知乎')))).toEqual(['Zhihu'])
    expect(names(parseView(new URLSearchParams('q=SORA')))).toEqual(['OpenAI'])
    expect(names(parseView(new URLSearchParams('q=video model')))).toEqual(['OpenAI'])
  })

  it('filters by a tag whatever case each entry typed it in', () => {
    const typed = [row('Pinduoduo', { tags: ['2C'] }), row('Zhipu', { tags: ['2c'] }), row('SenseTime', { tags: ['2B'] })]
    for (const tag of ['2C', '2c'])
      expect(applyView(typed, parseView(new URLSearchParams({ tag })), label, 'en').map((r) => r.nameEn)).toEqual(['Pinduoduo', 'Zhipu'])
  })

  it('sorts by a column, flips on a second click, and the last sort in the URL wins', () => {
    const byName = parseView(new URLSearchParams('sort=company'))
    expect(names(byName)).toEqual(['Kuaishou', 'OpenAI', 'Zhihu'])
    expect(nextSort(byName, 'company')).toEqual({ sort: 'company', desc: true })
    expect(nextSort(byName, 'region')).toEqual({ sort: 'region', desc: false })
    expect(names(parseView(new URLSearchParams('sort=-company')))).toEqual(['Zhihu', 'OpenAI', 'Kuaishou'])
    expect(names(parseView(new URLSearchParams('sort=company&sort=-region')))).toEqual(['OpenAI', 'Kuaishou', 'Zhihu'])
    expect(parseView(new URLSearchParams('sort=bogus')).sort).toBe('added')
  })

  it('writes only what differs from the default into the URL', () => {
    expect(viewToParams(parseView(new URLSearchParams('sort=-added'))).toString()).toBe('')
    expect(viewToParams(parseView(new URLSearchParams('q=a&tag=video&sort=tags'))).toString()).toBe('q=a&tag=video&sort=tags')
  })
})

describe('parseTags', () => {
  it('normalises, splits on Chinese punctuation too, and drops duplicates in any case', () => {
    expect(parseTags(' Video, 2C，大模型、 big  tech;VIDEO,,２ｃ')).toEqual({ ok: true, tags: ['Video', '2C', '大模型', 'big-tech'] })
  })
  it('keeps the case a tag was typed in (2C stays 2C)', () => {
    expect(parseTags('2C, 2B, AIGC')).toEqual({ ok: true, tags: ['2C', '2B', 'AIGC'] })
  })
  it('limits count and length', () => {
    expect(parseTags('x'.repeat(41))).toEqual({ ok: false, error: 'watchlists.tagTooLong?max=40' })
    expect(parseTags(Array.from({ length: 21 }, (_, i) => `t${i}`).join(','))).toEqual({
      ok: false,
      error: 'watchlists.tooManyTags?max=20',
    })
  })
})
