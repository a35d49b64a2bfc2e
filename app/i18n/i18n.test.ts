import { readdirSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { messages as en } from './en.ts'
import { localeFromAcceptLanguage } from './index.ts'
import { translate } from './messages.server.ts'
import { messages as zhCN } from './zh-CN.ts'

type Module = { en: Record<string, string>; zhCN: Record<string, string> }

/** Each module's one export (`en` or `zhCN`), by module name. */
async function loadModules(language: 'en' | 'zh-CN'): Promise<Map<string, Record<string, string>>> {
  const folder = new URL(`./messages/${language}/`, import.meta.url)
  const files = readdirSync(folder).filter((file) => file.endsWith('.ts'))
  const loaded = await Promise.all(files.map(async (file) => Object.values(await import(new URL(file, folder).href))[0]))
  return new Map(files.map((file, i) => [file.slice(0, -3), loaded[i] as Record<string, string>]))
}
const enModules = await loadModules('en')
const zhModules = await loadModules('zh-CN')
const modules: [string, Module][] = [...enModules].map(([name, messages]) => [name, { en: messages, zhCN: zhModules.get(name) ?? {} }])

describe('i18n', () => {
  it('has every message key in both languages, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('has the same modules in both languages', () => {
    expect([...zhModules.keys()].sort()).toEqual([...enModules.keys()].sort())
  })

  it.each(modules)('module %s has the same keys in both languages', (_name, messages) => {
    expect(Object.keys(messages.zhCN).sort()).toEqual(Object.keys(messages.en).sort())
  })

  // A translator who has a key finds its module by name: `watchlists.import.tooLarge` is in
  // messages/<language>/watchlists.import.ts when that module exists, otherwise in watchlists.ts.
  it.each(modules)('module %s holds exactly the keys of its prefix', (name, messages) => {
    for (const key of Object.keys(messages.en)) {
      expect(key.startsWith(`${name}.`), `${key} does not start with the module's prefix ${name}.`).toBe(true)
      const closer = modules.map(([other]) => other).find((other) => other.length > name.length && key.startsWith(`${other}.`))
      expect(closer, `${key} belongs in messages/*/${closer}.ts`).toBeUndefined()
    }
  })

  // A run-time import of the other language would put both in the browser's chunk.
  it.each(['en', 'zh-CN'])('%s modules import nothing at run time', (language) => {
    const folder = new URL(`./messages/${language}/`, import.meta.url)
    for (const file of readdirSync(folder)) {
      expect(readFileSync(new URL(file, folder), 'utf8'), file).not.toMatch(/^import (?!type )/m)
    }
  })

  it('builds each language from every module', () => {
    const keys = modules.flatMap(([, messages]) => Object.keys(messages.en)).sort()
    expect(Object.keys(en).sort()).toEqual(keys)
    expect(Object.keys(zhCN).sort()).toEqual(keys)
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
