import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as exportLoader } from '#app/routes/themes_.$slug.scores.export.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createScore, createUser, getRequest, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// The score CSV is written a page at a time from reasons the database sends end to end and
// names quoted once per export (issue 14): whatever an analyst typed must come back as
// typed, however its characters count, in its own row, next to the right names.

let conn: Connection
let cookie: string
const SLUG = 'reasons-theme'
const REASONS = [
  '',
  'Moved up 🚀 after the demo 👍',
  '视频生成: 可灵 𠀀 beat Sora',
  'a, b and "c"',
  'two\nlines\r\nand a return',
  ' padded ',
  '=HYPERLINK("http://evil")',
  '',
  '😀',
  'plain',
]
const weekOf = (i: number) => `2026-W${String(10 + i).padStart(2, '0')}`

beforeAll(async () => {
  conn = await createTestDatabase()
  const { theme, modality, dimension } = await createScoringTheme(conn.db, {
    modalities: ['image', 'video'],
    dimensions: ['technology'],
    theme: { slug: SLUG },
  })
  // Names that need quoting, and analysts whose names sort otherwise than their ids.
  const zhao = await createUser(conn.db, { role: 'analyst', displayName: 'Zhao, "Z"' })
  const an = await createUser(conn.db, { role: 'analyst', displayName: 'An Li' })
  cookie = await cookieFor(conn.db, an.id)
  for (const [i, reason] of REASONS.entries()) {
    for (const [userId, m] of [
      [zhao.id, modality.video],
      [an.id, modality.image],
    ] as const) {
      const savedAt = new Date(Date.UTC(2026, 2, 2 + 7 * i, 1, 2, 3))
      await createScore(conn.db, {
        themeId: theme.id,
        userId,
        modalityId: m,
        dimensionId: dimension.technology,
        week: weekOf(i),
        reason,
        savedAt,
      })
    }
  }
})
afterAll(async () => {
  await conn.close()
})

describe('score export CSV', () => {
  it('gives back every reason as typed (emoji, rare CJK, commas, quotes, line breaks), formulas defused', async () => {
    const response = await respond(() =>
      exportLoader({
        request: getRequest(`/themes/${SLUG}/scores/export?format=csv`, cookie),
        params: { slug: SLUG },
        context: contextFor(conn),
      }),
    )
    const text = (await response.text()).replace(/^\uFEFF/, '')
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
    const defused = (reason: string) => (reason.startsWith('=') ? `'${reason}` : reason)
    // Image before video (the modalities' order), whatever the analysts' names.
    expect(rows.map((r) => [r.week, r.modality, r.modality_zh, r.analyst, r.reason])).toEqual(
      REASONS.flatMap((reason, i) => [
        [weekOf(i), 'image', '图像', 'An Li', defused(reason)],
        [weekOf(i), 'video', '视频', 'Zhao, "Z"', defused(reason)],
      ]),
    )
    expect(rows[2]['saved_at (Asia/Shanghai)']).toBe('2026-03-09 09:02:03')
    expect(text).toContain('"Zhao, ""Z"""')
  })
})
