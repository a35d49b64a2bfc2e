import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { createRequestHandler as createRemixHandler, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'

import { answerDatabaseOutages, databaseUnavailableMiddleware } from '#app/http/database-unavailable.server.ts'
import { refuseCrossSiteRequests } from '#app/http/origin.server.ts'
import { createPageCache } from '#app/http/page-cache.server.ts'
import { createRequestHandler } from '#app/http/request-handler.server.ts'
import { cspNonce, securityHeaders } from '#app/http/security-headers.server.ts'
import { loadNameSegmenter } from '#app/mentions/name-segmenter.server.ts'
import { asBackgroundWork, openAppDatabase } from '#app/models/db.server.ts'
import { indexUnsearchedDocuments } from '#app/models/document/index.server.ts'
import { getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { ensureSessionSecret } from '#app/models/ops/index.server.ts'
import { startFeedPoller } from '#app/services/feeds/poller.server.ts'
import { ingestFeedItem } from '#app/services/ingest/ingest-feed-item.server.ts'
import { INGEST_FILES_JOB_KIND, ingestFilesHandler } from '#app/services/jobs/ingest-files-job.server.ts'
import { REMATCH_COMPANY_JOB_KIND, rematchCompanyHandler } from '#app/services/jobs/rematch-company-job.server.ts'
import { RESCAN_JOB_KIND, rescanDocumentsHandler } from '#app/services/jobs/rescan-documents-job.server.ts'
import { startJobRunner } from '#app/services/jobs/runner.server.ts'
import { WEBHOOK_DELIVERY_JOB_KIND, webhookDeliveryHandler } from '#app/services/jobs/webhook-delivery-job.server.ts'
import { WEBHOOK_DIGEST_JOB_KIND, webhookDigestHandler } from '#app/services/jobs/webhook-digest-job.server.ts'
import { startDigestClock } from '#app/services/webhooks/digest-clock.server.ts'
import { readEnv } from '#app/utils/env.server.ts'
import { closeWorkerPool } from '#app/workers/pool.server.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seedDemoTeamHistory } from '#seeds/load/team-history.ts'
import { isDemoSeeded, seedDemoData } from '#seeds/seed.ts'

// The one process entry: open the database (PGlite under DATA_DIR, or DATABASE_URL),
// migrate, load the demo data on first run, then serve the Remix build. The database
// handle is created once here and handed to loaders and actions through the load context.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const env = readEnv()
// Importing the server build takes this thread 2-2.5 s; PGlite opens in a thread of its own
// meanwhile (decision 049), so start both at once.
const buildLoaded = import(pathToFileURL(path.join(root, 'build/index.js')).href) as Promise<ServerBuild>
buildLoaded.catch(() => undefined) // awaited below; a failed database open exits first
const connection = await openAppDatabase(env)
const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.resolve(env.DATA_DIR)}`
console.log(`[themeradar] database: ${where}`)
await migrateToLatest(connection.db)
if (env.SEED_DEMO === 'auto' && !(await isDemoSeeded(connection.db))) {
  const { created } = await seedDemoData(connection.db)
  console.log(`[themeradar] demo data loaded (${created} rows)`)
  if (env.SEED_DEMO_HISTORY === 'on') {
    const history = await seedDemoTeamHistory(connection.db)
    console.log(`[themeradar] demo team history loaded (${history.created} rows)`)
  }
}
// Documents stored before the search index existed, or under an older tokenizer, are indexed once (decision 028).
const searchIndexed = await indexUnsearchedDocuments(connection.db)
if (searchIndexed) console.log(`[themeradar] ${searchIndexed} documents indexed for search`)
const { secret, generated } = await ensureSessionSecret(connection.db, env.SESSION_SECRET)
if (generated) console.log('[themeradar] SESSION_SECRET is not set: using a generated secret kept in the database')
// Worker threads start lazily and read this then: background CPU yields to page requests.
process.env.WORKER_NICE ??= '10'

// Loaded now, not by the first ingest: the mention matcher's first build (jieba's idiom
// list, the automaton) and the new-name segmenter's dictionaries take this thread for
// about a second, which would hold up every page then (decision 048).
await getMentionMatcher(connection.db)
loadNameSegmenter()

// Background work: persisted jobs and feed polls, leased so that several instances on one
// PostgreSQL never run the same item twice. One id per process tells leases apart.
const workerId = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
const jobRunner = startJobRunner(connection.db, {
  workerId,
  handlers: {
    [RESCAN_JOB_KIND]: rescanDocumentsHandler(),
    [REMATCH_COMPANY_JOB_KIND]: rematchCompanyHandler(),
    [INGEST_FILES_JOB_KIND]: ingestFilesHandler(),
    [WEBHOOK_DELIVERY_JOB_KIND]: webhookDeliveryHandler({ publicUrl: env.PUBLIC_URL }),
    [WEBHOOK_DIGEST_JOB_KIND]: webhookDigestHandler({ publicUrl: env.PUBLIC_URL }),
  },
  pollMs: 1000,
  leaseSeconds: env.JOB_LEASE_SECONDS,
})
// Polls and digests, like jobs, let requests' queries go first on PGlite (decision 048).
const feedPoller = asBackgroundWork(() =>
  startFeedPoller(connection.db, { workerId, intervalMs: env.FEED_POLL_SECONDS * 1000, ingest: ingestFeedItem }),
)
// Daily and weekly webhook digests: queued once per webhook and period, whichever instance looks first.
const digestClock = asBackgroundWork(() => startDigestClock(connection.db, { workerId, intervalMs: env.FEED_POLL_SECONDS * 1000 }))

// Loaders and actions answer 503 while the database is unreachable (database-unavailable.server.ts).
const build = answerDatabaseOutages(await buildLoaded)

const app = express()
app.disable('x-powered-by')
// Behind a proxy, X-Forwarded-For/Proto give the client IP (rate limits) and https (Secure cookies).
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
app.use(securityHeaders())
app.use(compression())
app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))
// Anything but GET/HEAD from a page that is not ours is refused here, before any route.
app.use(refuseCrossSiteRequests({ publicUrl: env.PUBLIC_URL }))
const getLoadContext = (req: express.Request) => ({
  db: connection.db,
  dbKind: connection.kind,
  sessionSecret: secret,
  clientIp: req.ip ?? 'unknown',
  publicUrl: env.PUBLIC_URL,
  cspNonce: cspNonce(req.res),
})
// The meeting page is read by the whole team at once: unchanged pages come from a cache
// keyed on the reader and the data version (app/utils/page-cache.server.ts).
const renderPage = createRemixHandler(build, 'production')
const meetingPages = createPageCache({
  paths: /^\/meetings\/\d{4}-W\d{2}$/,
  render: (request, context) => renderPage(request, context),
  getLoadContext,
})
app.get('/meetings/*', meetingPages.middleware)
// Request bodies are limited while they stream (app/http/body-limit.server.ts).
app.all('*', createRequestHandler({ handle: renderPage, getLoadContext }))
app.use(databaseUnavailableMiddleware)

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`[themeradar] ready: http://localhost:${env.PORT}`)
})

// PGlite must be closed cleanly or its data directory may need recovery next start;
// remix-serve alone would not exit while it is open.
let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`[themeradar] ${signal}: shutting down`)
  server.close()
  server.closeAllConnections()
  try {
    // Hands running work back (lease released) so the next start picks it up.
    digestClock.stop()
    await Promise.all([feedPoller.stop(), jobRunner.stop()])
    await Promise.all([connection.close(), closeWorkerPool()])
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
