import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { localeFromAcceptLanguage, translate } from './index.ts'
import { zhCN } from './zh-CN.ts'

describe('i18n', () => {
  it('has every message key in both languages, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'home.companies', { count: 3 })).toBe('3 companies')
    expect(translate('zh-CN', 'home.companies', { count: 3 })).toBe('3 家公司')
    expect(translate('en', 'home.companies')).toBe('{count} companies')
  })

  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5,zh;q=0.7', 'zh-CN'],
    ['de', 'en'],
    ['', 'en'],
  ])('guesses %s -> %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale)
  })
})
