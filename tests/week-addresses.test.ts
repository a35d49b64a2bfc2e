import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import { loader as meetingExportLoader } from '#app/routes/meetings_.$week.export.tsx'
import { loader as mentionsLoader } from '#app/routes/mentions.tsx'
import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as movedLoader } from '#app/routes/themes_.$slug.moved.tsx'
import { loader as scoresLoader } from '#app/routes/themes_.$slug.scores.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// A week typed into the address by hand in lower case (2026-w49) goes to the page of that
// week (2026-W49), keeping the rest of the address, instead of a 404 or "not a week".

let conn: Connection
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  await createScoringTheme(conn.db, { modalities: ['text'], dimensions: ['technology'], theme: { slug: 'ai' } })
})
afterAll(async () => {
  await conn.close()
})

type Loader = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof contextFor> }) => Promise<unknown>

const visit = (loader: Loader, path: string, params: Record<string, string> = {}) =>
  respond(() => loader({ request: getRequest(path, cookie), params, context: contextFor(conn) }) as Promise<unknown>)

describe('a lower-case week in the address', () => {
  it.each([
    ['the meeting', meetingLoader, '/meetings/2026-w49?theme=ai', { week: '2026-w49' }, '/meetings/2026-W49?theme=ai'],
    [
      'the meeting export',
      meetingExportLoader,
      '/meetings/2026-w49/export?theme=ai',
      { week: '2026-w49' },
      '/meetings/2026-W49/export?theme=ai',
    ],
    ['the scores', scoresLoader, '/themes/ai/scores?week=2026-w49&cell=a', { slug: 'ai' }, '/themes/ai/scores?week=2026-W49&cell=a'],
    ['what moved', movedLoader, '/themes/ai/moved?week=2026-w01', { slug: 'ai' }, '/themes/ai/moved?week=2026-W01'],
    ['the consensus', consensusLoader, '/themes/ai/consensus?week=2026-w49', { slug: 'ai' }, '/themes/ai/consensus?week=2026-W49'],
    ['the mentions dashboard', mentionsLoader, '/mentions?from=2026-w40&to=2026-w49', {}, '/mentions?from=2026-W40&to=2026-W49'],
  ] as const)('redirects %s to the upper-case week', async (_, loader, path, params, expected) => {
    const res = await visit(loader as Loader, path, params)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(expected)
  })

  it('still says a week that does not exist is not found, in any case', async () => {
    for (const week of ['2026-w60', '2025-w53']) {
      const res = await visit(meetingLoader as Loader, `/meetings/${week}`, { week })
      expect(res.status).toBe(404)
    }
  })

  it('leaves an upper-case week alone', async () => {
    const res = await visit(meetingLoader as Loader, '/meetings/2019-W10', { week: '2019-W10' })
    expect(res.status).toBe(200)
  })
})

describe('a week the scores page cannot show', () => {
  // The page has no form: the error page's title and text come from here (not "Please check the form").
  it.each([
    ['not a week', '2026-W60', 'scoring.week.notAWeekTitle', 'scoring.week.notAWeek?week=2026-W60'],
    ['a week not started', '2199-W01', 'scoring.week.futureTitle', 'scoring.week.future?week=2199-W01&current='],
  ])('names %s and the week', async (_, week, titleKey, message) => {
    for (const loader of [scoresLoader, movedLoader]) {
      const res = await visit(loader as Loader, `/themes/ai/scores?week=${week}`, { slug: 'ai' })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.titleKey).toBe(titleKey)
      expect(body.errors.form.startsWith(message)).toBe(true)
    }
  })
})
