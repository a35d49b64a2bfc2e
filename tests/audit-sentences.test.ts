import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { en } from '#app/i18n/messages/en/auditAction.ts'
import { zhCN } from '#app/i18n/messages/zh-CN/auditAction.ts'

// Every action code the code writes to the audit log reads as a sentence on the audit
// page, in both languages. The codes are found in the source: `action: '...'` (and its
// ternaries), the theme and ticker helpers' codes, and templates over a declared union
// (`${kind}.create` with `type VocabularyKind = 'modality' | 'dimension'`). A template
// this test cannot expand fails it, so a new way of writing codes gets looked at.

const ROOT = path.resolve(import.meta.dirname, '../app')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : []
  })
}

const CODE = `'([a-z_]+(?:\\.[a-z_]+)+)'`
const TERNARY = `[\\w.]+ \\? '([a-z_.]+)' : '([a-z_.]+)'`

/** Expands `${x}` in a template: a ternary's two words, or a `...Kind` union declared in the file. */
function expand(template: string, file: string, source: string): string[] {
  const hole = /\$\{([^}]+)\}/.exec(template)
  if (!hole) return [template]
  const inner = hole[1]
  const ternary = new RegExp(`^${TERNARY}$`).exec(inner)
  let words: string[] | undefined
  if (ternary) words = [ternary[1], ternary[2]]
  else if (/(^|\.)kind$/.test(inner)) {
    const union = /type \w*Kind = ((?:'[a-z_]+'(?: \| )?)+)/.exec(source)
    words = union?.[1].match(/[a-z_]+/g) ?? undefined
  }
  if (!words) throw new Error(`cannot expand \${${inner}} in ${path.relative(ROOT, file)}`)
  return words.flatMap((w) => expand(template.replace(hole[0], w), file, source))
}

function auditActionsInSource(): Set<string> {
  const found = new Set<string>()
  for (const file of sourceFiles(ROOT)) {
    const source = readFileSync(file, 'utf8')
    const add = (codes: string[], prefix = '') => codes.forEach((c) => found.add(prefix + c))
    for (const m of source.matchAll(new RegExp(`action: ${CODE}`, 'g'))) add([m[1]])
    for (const m of source.matchAll(new RegExp(`action: ${TERNARY}`, 'g'))) add([m[1], m[2]])
    for (const m of source.matchAll(/action: `([^`]+)`/g)) if (!m[1].startsWith('theme.$')) add(expand(m[1], file, source))
    // auditTheme(tx, actor, themeId, <part>, ...) writes theme.<part>; auditTickers writes its code as given.
    for (const m of source.matchAll(/auditTheme\(\s*tx,\s*actor,\s*[\w.]+,\s*('([^']+)'|`([^`]+)`|([\w.]+ \? '[a-z_.]+' : '[a-z_.]+'))/g)) {
      if (m[2]) add([m[2]], 'theme.')
      else if (m[3]) add(expand(m[3], file, source), 'theme.')
      else add(expand(`\${${m[4]}}`, file, source), 'theme.')
    }
    for (const m of source.matchAll(new RegExp(`auditTickers\\(tx, actor, \\w+, ${CODE}`, 'g'))) add([m[1]])
  }
  return found
}

describe('audit log sentences', () => {
  const actions = [...auditActionsInSource()].sort()

  it('finds the codes the code writes', () => {
    // A few known ones, so a scanner that finds nothing cannot pass.
    expect(actions).toEqual(
      expect.arrayContaining(['score.create', 'theme.risk.add', 'modality.create', 'company.ticker_add', 'user.disable']),
    )
    expect(actions.length).toBeGreaterThan(60)
  })

  it('has a sentence for every action in English and Chinese', () => {
    const missing = actions.filter((a) => !(`auditAction.${a}` in en) || !(`auditAction.${a}` in zhCN))
    expect(missing).toEqual([])
  })

  it('names the person in every sentence', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(text, key).toContain('{who}')
  })
})
