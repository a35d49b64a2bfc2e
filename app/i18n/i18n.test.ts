import { describe, expect, it } from 'vitest'

import { en as coreEn } from './en.ts'
import { en, localeFromAcceptLanguage, translate, zhCN } from './index.ts'
import { featureMessages } from './messages/index.ts'

describe('i18n', () => {
  it('has every message key in both languages, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it.each(Object.entries(featureMessages))('feature %s has the same keys in both languages', (_name, messages) => {
    expect(Object.keys(messages.zhCN).sort()).toEqual(Object.keys(messages.en).sort())
  })

  it('has no key defined twice across core and features', () => {
    const owner = new Map<string, string>(Object.keys(coreEn).map((key) => [key, 'core']))
    for (const [name, messages] of Object.entries(featureMessages)) {
      for (const key of Object.keys(messages.en)) {
        expect(owner.get(key), `${key} is defined in ${name} and ${owner.get(key)}`).toBeUndefined()
        owner.set(key, name)
      }
    }
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('says "1 company" and "2 companies" in English and needs no plural in Chinese', () => {
    expect(translate('en', 'home.companies', { count: 1 })).toBe('1 company')
    expect(translate('en', 'home.companies', { count: 2 })).toBe('2 companies')
    expect(translate('en', 'home.companies', { count: 0 })).toBe('0 companies')
    expect(translate('zh-CN', 'home.companies', { count: 1 })).toBe('1 家公司')
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
