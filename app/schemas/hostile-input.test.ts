import { describe, expect, it } from 'vitest'

import { parseTicker } from '#app/utils/ticker.ts'

import { EmailSchema, optionalText, requiredText } from './common.ts'
import { AddDocumentsSchema } from './documents.ts'
import { REASON_MAX, ScoreFormSchema } from './scoring.ts'
import { suggestSlug, ThemeEditSchema, THESIS_MAX } from './theme.ts'
import { parseTags, TagsSchema } from './watchlist.ts'

// Form fields given a megabyte: refused by length before any other work, with the
// message the field shows; what fits is cleaned as before. Behaviour only, no timing.

const MB = 1_000_000
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.message)

const score = (reason: string) =>
  ScoreFormSchema.safeParse({ intent: 'score', modality: 'video', dimension: 'quality', week: '2026-W10', level: '3', reason })

describe('the score reason', () => {
  it('refuses a megabyte of spaces between two letters as too long', () => {
    expect(messages(score(`a${' '.repeat(120_000)}b`))).toEqual([`validation.tooLong?max=${REASON_MAX}`])
  })

  it('joins pasted lines with one space and keeps spaces inside a line', () => {
    const parsed = score('  first line  \r\n\r\n   second  line\n')
    expect(parsed.success && parsed.data.intent === 'score' && parsed.data.reason).toBe('first line second  line')
  })

  it('takes a reason that fits once its line breaks are joined, up to twice the limit as typed', () => {
    expect(score(`${'x'.repeat(REASON_MAX - 10)}${' \r\n'.repeat(100)}end`).success).toBe(true)
    expect(messages(score(`${'x'.repeat(REASON_MAX - 10)}${' \r\n'.repeat(200)}end`))).toEqual([`validation.tooLong?max=${REASON_MAX}`])
  })
})

describe('text fields', () => {
  it('refuse a megabyte before trimming it', () => {
    expect(messages(requiredText(200).safeParse(`${' '.repeat(MB)}a`))).toEqual(['validation.tooLong?max=200'])
    expect(messages(optionalText(2000).safeParse('a'.repeat(MB)))).toEqual(['validation.tooLong?max=2000'])
    expect(messages(EmailSchema.safeParse(`${'a'.repeat(MB)}@example.com`))).toEqual(['validation.tooLong?max=254'])
    expect(messages(ThemeEditSchema.safeParse({ intent: 'thesis', thesisMd: '\r\n'.repeat(MB) }))).toEqual([
      `validation.tooLong?max=${THESIS_MAX}`,
    ])
  })

  it('still trim what fits', () => {
    expect(requiredText(5).safeParse('  abc   ').data).toBe('abc')
    const thesis = ThemeEditSchema.safeParse({ intent: 'thesis', thesisMd: 'a\r\n'.repeat(THESIS_MAX / 2) })
    expect(thesis.success).toBe(true)
  })

  it('refuse pasted text beyond what an upload may carry', () => {
    const paste = AddDocumentsSchema.safeParse({ intent: 'paste', title: 't', text: ' '.repeat(10 * 1024 * 1024 + 1) })
    expect(messages(paste)).toEqual([`validation.tooLong?max=${10 * 1024 * 1024}`])
  })
})

describe('tags, tickers and slugs', () => {
  it('refuses a megabyte of tags by length, and stops at the 21st distinct tag', () => {
    expect(messages(TagsSchema.safeParse('a,'.repeat(MB / 2)))[0]).toMatch(/^validation\.tooLong/)
    const many = Array.from({ length: 5000 }, (_, i) => `t${i}`).join(',')
    expect(parseTags(many)).toEqual({ ok: false, error: 'watchlists.tooManyTags?max=20' })
    expect(parseTags('Video, 2C，大模型、 big tech')).toEqual({ ok: true, tags: ['Video', '2C', '大模型', 'big-tech'] })
  })

  it('reads no ticker from a megabyte', () => {
    expect(parseTicker(`${' '.repeat(MB)}0700.HK`)).toBeNull()
    expect(parseTicker('  0700 . hk '.replace(' . ', '.'))).toEqual({ exchange: 'HK', code: '0700' })
  })

  it('makes a slug of a name full of dashes', () => {
    expect(suggestSlug(`${'-'.repeat(MB)}Multimodal AI${'-'.repeat(MB)}`)).toBe('multimodal-ai')
    expect(suggestSlug(`a${'-'.repeat(MB)}x`)).toBe('a-x')
  })
})
