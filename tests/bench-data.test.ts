// The meeting benchmark's data generator at a tiny scale: the rows hang together the way
// the app writes them, and two runs give identical rows (ids included).
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { generateMeetingData, markerFor, readMarker, SCALES } from './bench/meeting-data.ts'
import { createTestDatabase } from './db.ts'

const scale = SCALES.tiny
const TABLES = [
  'app_user',
  'company',
  'company_alias',
  'document',
  'mention',
  'mention_week',
  'mention_alert',
  'score',
  'score_revision',
  'score_evidence',
  'source_score',
  'watchlist_entry',
  'data_exhaustion_estimate',
  'meeting',
  'audit_log',
]

let first: Connection
let second: Connection

beforeAll(async () => {
  ;[first, second] = await Promise.all([createTestDatabase(), createTestDatabase()])
  await generateMeetingData(first.db, scale)
  await generateMeetingData(second.db, scale)
})
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()])
})

const db = () => first.db as unknown as Kysely<any>
const one = async <T>(query: RawBuilder<T>) => (await query.execute(db())).rows[0]

/** A digest of every row of a table (ids included), in a fixed order. */
async function digest(conn: Connection, table: string): Promise<string> {
  const { rows } = await sql<{
    digest: string
  }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(table)} t`.execute(conn.db)
  return rows[0].digest
}

describe('meeting benchmark data', () => {
  it('has every analyst score every cell every week, and the history agrees with the scores', async () => {
    const counts = await one<{
      scores: number
      analysts: number
      weeks: number
      documents: number
      mentions: number
      meetings: number
    }>(sql`
      select (select count(*)::int from score) as scores, (select count(*)::int from app_user where role = 'analyst') as analysts,
        (select count(distinct iso_week)::int from score) as weeks, (select count(*)::int from document) as documents,
        (select count(*)::int from mention) as mentions, (select count(*)::int from meeting) as meetings`)
    expect(counts).toEqual({
      scores: scale.analysts * 40 * scale.weeks,
      analysts: scale.analysts,
      weeks: scale.weeks,
      documents: scale.documents,
      mentions: scale.mentions,
      meetings: scale.weeks,
    })
    // The newest revision of every score is the score's own value; drafts came before it.
    const disagreeing = await one<{ n: number }>(sql`
      select count(*)::int as n from score s join lateral (select level, reason from score_revision r where r.score_id = s.id order by id desc limit 1) last on true
      where last.level <> s.level or last.reason <> s.reason`)
    expect(disagreeing.n).toBe(0)
    const audit = await one<{ revisions: number; saves: number }>(sql`
      select (select count(*)::int from score_revision) as revisions, (select count(*)::int from audit_log where entity_type = 'score') as saves`)
    expect(audit.saves).toBe(audit.revisions)
    expect(audit.revisions).toBeGreaterThan(counts.scores)
  })

  it('keeps the mention rollup equal to the mentions', async () => {
    const totals = await one<{ mentions: number; rolled: number }>(sql`
      select (select count(*)::int from mention) as mentions, (select coalesce(sum(mentions), 0)::int from mention_week) as rolled`)
    expect(totals.rolled).toBe(totals.mentions)
  })

  it('records the marker that lets the benchmark reuse the database', async () => {
    expect(await readMarker(db())).toEqual(markerFor(scale))
  })

  it('gives identical rows on a second run', async () => {
    for (const table of TABLES) {
      expect({ table, digest: await digest(second, table) }).toEqual({ table, digest: await digest(first, table) })
    }
  })
})
