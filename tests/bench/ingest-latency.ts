// The request side of the ingest benchmark: the built app started as `npm start` runs it
// (tests/e2e/app-server.ts), an administrator made through /setup, sequential GETs timed,
// and a bulk upload posted as the documents page posts it.
import { startApp } from '../e2e/app-server.ts'

export type RunningApp = Awaited<ReturnType<typeof startApp>>

export { startApp }

const PASSWORD = 'ingest-bench-Quartz-Lantern-93'

/** Creates the first administrator and returns the session cookie. */
export async function signUpAdmin(app: RunningApp): Promise<string> {
  const body = new URLSearchParams({ email: 'bench@example.com', displayName: 'Bench', password: PASSWORD })
  const res = await fetch(`${app.url}/setup`, { method: 'POST', body, redirect: 'manual', headers: { Origin: app.url } })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 302 || !cookie) throw new Error(`setup answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return cookie
}

/** Milliseconds for one GET read to the end; throws on a status other than 200. */
export async function timeGet(url: string, cookie: string): Promise<number> {
  const started = performance.now()
  const res = await fetch(url, { headers: { Cookie: cookie } })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`)
  return performance.now() - started
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Sequential GETs of each path in turn until `until` says stop (or `count` rounds); times per path. */
export async function sampleLatency(
  app: RunningApp,
  cookie: string,
  paths: readonly string[],
  until: { count?: number; stop?: () => boolean },
  /** Filled with each path's slowest answer and when it came (ms after sampling began). */
  slowest: Record<string, { ms: number; at: number }> = {},
): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]))
  const started = performance.now()
  for (let round = 0; until.count === undefined || round < until.count; round++) {
    if (until.stop?.()) break
    for (const path of paths) {
      const ms = await timeGet(`${app.url}${path}`, cookie)
      times[path].push(ms)
      if (ms > (slowest[path]?.ms ?? 0)) slowest[path] = { ms, at: performance.now() - started }
    }
    // A person clicking, not a load generator: a short pause between rounds.
    await new Promise((r) => setTimeout(r, 20))
  }
  return times
}

export interface UploadFile {
  name: string
  bytes: Uint8Array
}

/** Posts files as the documents page's upload form does; returns the bulk job's id. */
export async function uploadFiles(app: RunningApp, cookie: string, files: readonly UploadFile[]): Promise<number> {
  const form = new FormData()
  form.set('intent', 'upload')
  form.set('tags', 'bench')
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)], { type: 'application/pdf' }), file.name)
  const res = await fetch(`${app.url}/documents`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: app.url },
  })
  const id = Number(res.headers.get('location')?.match(/^\/jobs\/(\d+)$/)?.[1])
  if (!id) throw new Error(`upload answered ${res.status} without a job: ${(await res.text()).slice(0, 300)}`)
  return id
}

export interface JobPoll {
  /** ms for each /jobs/:id/json answer */
  times: number[]
  /** answers that came while the job was still working (some files done, not all) */
  answeredMidway: number
  finished: boolean
}

/** Polls /jobs/:id/json (the progress endpoint) every 250 ms until the job ends. */
export async function pollJob(app: RunningApp, cookie: string, id: number, timeoutMs: number): Promise<JobPoll> {
  const poll: JobPoll = { times: [], answeredMidway: 0, finished: false }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const started = performance.now()
    const res = await fetch(`${app.url}/jobs/${id}/json`, { headers: { Cookie: cookie } })
    const job = (await res.json()) as { status: string; done: number; total: number }
    poll.times.push(performance.now() - started)
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') {
      poll.finished = true
      break
    }
    if (job.done > 0 && job.done < job.total) poll.answeredMidway++
    await new Promise((r) => setTimeout(r, 250))
  }
  return poll
}
