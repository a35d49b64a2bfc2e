import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { enqueueBulkUpload } from '#app/models/document/index.server.ts'
import { addFeed, createWebhook, setAllowedHosts } from '#app/models/ops/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase, withDatabase } from './db.ts'
import { createCompany, createUser, createWatchlist } from './factories.ts'
import { ensureBuild, type Instance, type Outside, sleep, startInstance, startOutside, waitFor } from './multi-instance/instances.ts'

// README "Scaling out", tested: two app processes on one PostgreSQL database. Background
// work must happen once however many instances look for it: a bulk upload's files are
// each ingested once, a due feed is polled once per interval, an alert is raised and
// posted once; and when the instance running a job is killed (SIGKILL: no clean-up), the
// other one takes the job over within 20 s and finishes it from where it was.
// PGlite is one process's database, so this runs only with TEST_DATABASE_URL.

const serverUrl = process.env.TEST_DATABASE_URL
const FILES = 30
const MENTIONS_PER_FILE = 2
const COMPANY = 'Zephyrion Robotics'
// Short by default so the test stays quick; JOB_LEASE_SECONDS=15 (the app's default) checks the shipped setting.
const LEASE_SECONDS = Number(process.env.JOB_LEASE_SECONDS ?? 8)
const FEED_POLL_SECONDS = 1
// The outside answers this slowly, so a poll or a post spans several looks by the other instance.
const OUTSIDE_DELAY_MS = 1_500

const feedXml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sector wire</title><link>https://wire.example.com/</link>
<item><title>Sensor prices fall</title><link>https://wire.example.com/a</link><guid>a</guid>
<description>Lidar sensor prices fell again this quarter as volumes grew.</description></item>
<item><title>New fab opens</title><link>https://wire.example.com/b</link><guid>b</guid>
<description>A new packaging fab opened near the coast, adding capacity for edge chips.</description></item>
</channel></rss>`

/** A report that names the company MENTIONS_PER_FILE times, long enough that ingesting 30 takes a few seconds. */
function report(i: number): Uint8Array {
  const filler = Array.from({ length: 1_500 }, (_, k) => `Paragraph ${i}.${k} discusses supply chains and unit costs.`).join(' ')
  const text = `Note ${i}. ${COMPANY} raised guidance. ${filler} Later, ${COMPANY} confirmed orders for batch ${i}.`
  return new TextEncoder().encode(text)
}

let conn: Connection
let outside: Outside
let instances: Instance[] = []
let actor: { id: number }

const db = () => conn.db
const workerPid = (lockedBy: string | null) => Number(lockedBy?.match(/-(\d+)-[0-9a-f]{8}$/)?.[1])

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    ensureBuild()
    conn = await createTestDatabase()
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(conn.db)
    const databaseUrl = withDatabase(serverUrl!, rows[0].name)
    outside = await startOutside({ feedXml, delayMs: OUTSIDE_DELAY_MS })

    actor = { id: (await createUser(conn.db, { role: 'admin' })).id }
    const company = await createCompany(conn.db, { nameEn: COMPANY, nameZh: '泽菲机器人' })
    await createWatchlist(conn.db, { entries: [{ companyId: company.id }] })
    // The local feed and webhook live on 127.0.0.1, which the fetch rules refuse unless allowed.
    await setAllowedHosts(conn.db, actor, ['127.0.0.1'])
    await createWebhook(conn.db, actor, { name: 'Team hook', url: `${outside.url}/hook`, format: 'generic', enabled: true })

    const env = {
      SEED_DEMO: 'never',
      SESSION_SECRET: 'multi-instance-test-secret-0123456789abcdef',
      JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      FEED_POLL_SECONDS: String(FEED_POLL_SECONDS),
    }
    // Started together, as an orchestrator would.
    const starting = Date.now()
    instances = await Promise.all([startInstance('A', databaseUrl, env), startInstance('B', databaseUrl, env)])
    console.log(`[multi-instance] both instances healthy after ${((Date.now() - starting) / 1000).toFixed(1)} s`)
  }, 120_000)

  afterAll(async () => {
    const stopping = Date.now()
    await Promise.all(instances.map((i) => i.kill('SIGTERM')))
    console.log(`[multi-instance] instances stopped (SIGTERM) after ${((Date.now() - stopping) / 1000).toFixed(1)} s`)
    await outside?.close()
    await conn?.close()
  }, 60_000)

  it('a due feed is polled once per interval, not once per instance', async () => {
    const feedId = await addFeed(db(), actor, { url: `${outside.url}/feed.xml`, title: 'Sector wire', intervalMinutes: 60 })
    for (let interval = 1; interval <= 3; interval++) {
      if (interval > 1) {
        // The interval has passed (an hour is too long to wait for): the feed is due again.
        await db()
          .updateTable('feed')
          .set({ next_poll_at: sql`now()` })
          .where('id', '=', feedId)
          .execute()
      }
      await waitFor(`poll ${interval}`, async () => outside.feedRequests() >= interval, 15_000)
      // Both instances look every second; give them several looks while and after the slow answer.
      await sleep(OUTSIDE_DELAY_MS + 2_000)
      expect(outside.feedRequests(), `requests after interval ${interval}`).toBe(interval)
    }
    const feed = await db().selectFrom('feed').select(['last_error', 'lease_until']).where('id', '=', feedId).executeTakeFirstOrThrow()
    expect(feed).toEqual({ last_error: null, lease_until: null })
    const stored = await db().selectFrom('document').select('id').where('feed_id', '=', feedId).execute()
    expect(stored).toHaveLength(2)
  }, 60_000)

  it('a 30-file bulk job ingests each file once; killed mid-way, it is taken over within 20 s; its alert is posted once', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const files = Array.from({ length: FILES }, (_, i) => ({ name: `note-${i}.txt`, contentType: 'text/plain', bytes: report(i) }))
    const jobId = await enqueueBulkUpload(db(), actor, {
      files,
      refused: [],
      meta: { publisher: 'Field notes', publishedOn: today, tags: [], themeIds: [] },
    })
    const jobRow = () =>
      db().selectFrom('job').select(['status', 'progress_done', 'locked_by', 'attempts']).where('id', '=', jobId).executeTakeFirstOrThrow()

    // Kill whichever instance holds the job once a few files are in.
    const holding = await waitFor(
      'the job to be under way',
      async () => {
        const row = await jobRow()
        return row.status === 'running' && row.progress_done >= 3 && row
      },
      30_000,
      20,
    )
    const victim = instances.find((i) => i.pid === workerPid(holding.locked_by))!
    const survivor = instances.find((i) => i !== victim)!
    expect(victim).toBeDefined()
    await victim.kill('SIGKILL')
    const killedAt = Date.now()
    expect(holding.progress_done).toBeLessThan(FILES)

    const takenOver = await waitFor(
      'the other instance to take the job over',
      async () => {
        const row = await jobRow()
        return (row.status === 'done' || workerPid(row.locked_by) === survivor.pid) && row
      },
      25_000,
      100,
    )
    const takeoverMs = Date.now() - killedAt
    console.log(
      `[multi-instance] lease ${LEASE_SECONDS} s: killed ${victim.name} at ${holding.progress_done}/${FILES} files; ` +
        `${survivor.name} took over after ${(takeoverMs / 1000).toFixed(1)} s at ${takenOver.progress_done}/${FILES}`,
    )
    expect(takeoverMs).toBeLessThan(20_000)

    const done = await waitFor('the job to finish', async () => ((await jobRow()).status !== 'running' ? jobRow() : undefined), 60_000, 100)
    // A kill is not a failed attempt: the job finished in its first attempt.
    expect(done).toMatchObject({ status: 'done', progress_done: FILES, attempts: 1 })

    // Each file once: every file ingested (not found to be a duplicate of itself), one document each.
    const outcomes = await db().selectFrom('job_file').select(['status', 'document_id']).where('job_id', '=', jobId).execute()
    expect(outcomes.filter((o) => o.status === 'ingested')).toHaveLength(FILES)
    expect(new Set(outcomes.map((o) => o.document_id)).size).toBe(FILES)
    const documents = await db().selectFrom('document').select('id').where('publisher', '=', 'Field notes').execute()
    expect(documents).toHaveLength(FILES)
    const mentions = await db()
      .selectFrom('mention')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'document_id',
        'in',
        documents.map((d) => d.id),
      )
      .executeTakeFirstOrThrow()
    expect(Number(mentions.n)).toBe(FILES * MENTIONS_PER_FILE)

    // One alert for the company's week, one delivery job, one post: wait until nothing is left to run.
    await waitFor(
      'the deliveries to settle',
      async () => {
        const open = await db().selectFrom('job').select('id').where('status', 'in', ['queued', 'running']).execute()
        return open.length === 0
      },
      30_000,
      100,
    )
    await sleep(OUTSIDE_DELAY_MS + 2_000)
    const alerts = await db().selectFrom('mention_alert').select(['id', 'mentions']).execute()
    expect(alerts).toHaveLength(1)
    const deliveries = await db().selectFrom('webhook_delivery').select(['outcome', 'alert_id']).execute()
    expect(deliveries).toEqual([{ outcome: 'sent', alert_id: alerts[0].id }])
    expect(outside.hookPosts()).toHaveLength(1)
    expect(JSON.stringify(outside.hookPosts()[0])).toContain(COMPANY)

    // The survivor is still serving.
    expect((await fetch(`${survivor.url}/healthz`)).status).toBe(200)
  }, 120_000)
})
