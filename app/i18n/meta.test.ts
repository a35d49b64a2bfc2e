import './messages.server.ts'

import { describe, expect, it } from 'vitest'

import { pageTitle } from './meta.ts'

describe('page titles', () => {
  const zh = [{ id: 'root', data: { locale: 'zh-CN' } }]
  const en = [{ id: 'root', data: { locale: 'en' } }]

  it('translate message keys and localise names into the reader language', () => {
    expect(pageTitle(zh, 'nav.companies')).toEqual([{ title: 'ThemeRadar · 公司' }])
    expect(pageTitle(en, 'nav.companies')).toEqual([{ title: 'ThemeRadar · Companies' }])
    expect(pageTitle(zh, { nameEn: 'Multimodal AI', nameZh: '多模态 AI' })).toEqual([{ title: 'ThemeRadar · 多模态 AI' }])
  })

  it('keep user text as it is and skip missing parts', () => {
    expect(pageTitle(en, 'search.title', { text: '<b>美图</b>' }, null)).toEqual([{ title: 'ThemeRadar · Search · <b>美图</b>' }])
    expect(pageTitle([], undefined)).toEqual([{ title: 'ThemeRadar' }])
    expect(pageTitle(zh, { key: 'meeting.title', params: { week: '2026-W48' } })).toEqual([{ title: 'ThemeRadar · 2026-W48 周会' }])
  })
})
