import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clearMentionMatcherCache } from '#app/models/mentions/index.server.ts'
import { loader as documentLoader } from '#app/routes/documents.$id.tsx'
import { loader as mentionsLoader } from '#app/routes/mentions.tsx'
import { action as reviewAction, loader as reviewLoader } from '#app/routes/mentions_.review.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createDocument,
  createTheme,
  createThemeCompany,
  createUser,
  getRequest,
  postForm,
  respond,
} from './factories.ts'

// The review actions as a browser meets them: who may review, what comes back, what bad
// input gets. (Every action route's origin check is in tests/origin.test.ts.)

let conn: Connection
let analyst: string
let viewer: string
let documentId: number
let company: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  clearMentionMatcherCache()
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  company = await createCompany(conn.db, {
    nameEn: 'Runway AI',
    nameZh: 'Runway AI',
    region: 'overseas',
    aliases: [{ text: 'Runway', kind: 'product' }],
  })
  const doc = await createDocument(conn.db, {
    title: 'Airport notes',
    text: 'The second runway at the airport opens in May. Separately, Runway released Gen-3.',
  })
  documentId = doc.document.id
})
afterAll(async () => {
  await conn?.close()
})

async function documentMentions(cookie = analyst) {
  const res = await respond(() =>
    documentLoader({
      request: getRequest(`/documents/${documentId}`, cookie),
      params: { id: String(documentId) },
      context: contextFor(conn),
    }),
  )
  return (await res.json()) as {
    mentions: { id: number; aliasText: string; start: number; rule: string; confidence: string }[]
    canReview: boolean
  }
}

const post = (fields: Record<string, string>, cookie = analyst) =>
  respond(() => reviewAction({ request: postForm('/mentions/review', fields, cookie), params: {}, context: contextFor(conn) }))

describe('reviewing a mention', () => {
  it('shows each mention with the rule that admitted it and its confidence; viewers cannot review', async () => {
    const page = await documentMentions()
    expect(page.mentions).toHaveLength(2)
    expect(page.mentions[0]).toMatchObject({ aliasText: 'Runway', rule: 'product', confidence: 'high' })
    expect(page.canReview).toBe(true)
    expect((await documentMentions(viewer)).canReview).toBe(false)
  })

  it('refuses a viewer with 403 and leaves the mention alone', async () => {
    const [first] = (await documentMentions()).mentions
    const res = await post({ intent: 'reject', mentionId: String(first.id), scope: 'phrase' }, viewer)
    expect(res.status).toBe(403)
    expect((await documentMentions()).mentions).toHaveLength(2)
  })

  it('answers bad input with 400 and a mention that is gone with 404', async () => {
    expect((await post({ intent: 'reject', mentionId: 'abc' })).status).toBe(400)
    expect((await post({ intent: 'shred', mentionId: '1' })).status).toBe(400)
    const gone = await post({ intent: 'confirm', mentionId: '999999' })
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({ ok: false, errors: { form: 'review.mentionNotFound' } })
  })

  it('rejects in this phrase and goes back to the document, saying how many went; never to another site', async () => {
    const [airport, product] = (await documentMentions()).mentions
    const res = await post({ intent: 'reject', mentionId: String(airport.id), scope: 'phrase', redirectTo: `/documents/${documentId}` })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(`/documents/${documentId}?done=rejected&removed=1`)
    expect((await documentMentions()).mentions.map((m) => m.id)).toEqual([product.id])

    const confirm = await post({ intent: 'confirm', mentionId: String(product.id), redirectTo: '//evil.example/x' })
    expect(confirm.headers.get('Location')).toBe('/mentions/review?done=confirmed')
  })

  it('lists the rule on the review page, and undo removes it and queues the company for re-matching', async () => {
    const res = await respond(() =>
      reviewLoader({ request: getRequest('/mentions/review', viewer), params: {}, context: contextFor(conn) }),
    )
    const page = (await res.json()) as {
      rules: { id: number; phrase: string; companyId: number }[]
      counts: { rejected: number; confirmed: number }
      canReview: boolean
    }
    expect(page.canReview).toBe(false)
    expect(page.counts).toEqual({ rejected: 1, confirmed: 1 })
    expect(page.rules[0]).toMatchObject({ companyId: company.id })
    expect(page.rules[0].phrase).toContain('second runway at the airport')

    const undo = await post({ intent: 'undo', ruleId: String(page.rules[0].id) })
    expect(undo.headers.get('Location')).toBe('/mentions/review?done=undone')
    expect(await conn.db.selectFrom('mention_review_rule').select('id').execute()).toEqual([])
    const job = await conn.db.selectFrom('job').select(['kind', 'payload']).executeTakeFirstOrThrow()
    expect(job).toMatchObject({ kind: 'rematch-company', payload: { companyId: company.id } })
    expect((await post({ intent: 'undo', ruleId: String(page.rules[0].id) })).status).toBe(404)
  })
})

describe('the dashboard: documents about a company vs every mention', () => {
  it('counts only documents about the company when asked, and says when counts are being updated', async () => {
    const theme = await createTheme(conn.db, { nameEn: 'Video generation' })
    await createThemeCompany(conn.db, { themeId: theme.id, companyId: company.id })
    const filler = 'Ticket prices and passenger numbers rose again across the region this quarter. '.repeat(12)
    await createDocument(conn.db, { title: 'Travel quarterly', text: `${filler}\n\nOne line on Runway closes the note.` })
    const view = async (query: string) => {
      const res = await respond(() =>
        mentionsLoader({ request: getRequest(`/mentions?scope=theme-${theme.id}${query}`, viewer), params: {}, context: contextFor(conn) }),
      )
      return (await res.json()) as { view: { top: { companyId: number; mentions: number; documents: number }[] }; rematching: number }
    }
    const all = await view('')
    const about = await view('&relevance=about')
    const row = (page: typeof all) => page.view.top.find((c) => c.companyId === company.id)
    // The airport note names Runway in its opening lines (about); the travel note in passing.
    expect(row(all)).toMatchObject({ documents: 2 })
    expect(row(about)).toMatchObject({ documents: 1 })
    expect(row(about)!.mentions).toBeLessThan(row(all)!.mentions)
    // The undo above queued a rematch of Runway AI that has not run yet.
    expect(all.rematching).toBe(1)
  })
})
