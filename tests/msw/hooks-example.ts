import type { LookupAddress } from 'node:dns'

import { http, HttpResponse } from 'msw'

// The outside host hooks.example.com as the webhook tests see it: one path per bot
// format answering like that bot does, and a path that fails the first time. Every
// request is recorded so tests can check the exact body.
export const HOOKS_HOST = 'https://hooks.example.com'

export interface ReceivedHook {
  path: string
  contentType: string | null
  body: unknown
}

export const received: ReceivedHook[] = []

export async function hooksLookup(hostname: string): Promise<LookupAddress[]> {
  const table: Record<string, string> = { 'hooks.example.com': '93.184.215.20', 'intranet-hooks.example.com': '10.1.2.3' }
  const address = table[hostname]
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return [{ address, family: 4 }]
}

let flakyCalls = 0
export function resetHooks() {
  received.length = 0
  flakyCalls = 0
}

async function record(request: Request) {
  const url = new URL(request.url)
  received.push({ path: `${url.pathname}${url.search}`, contentType: request.headers.get('content-type'), body: await request.json() })
}

export const hooksExampleHandlers = [
  http.post(`${HOOKS_HOST}/generic`, async ({ request }) => {
    await record(request)
    return new HttpResponse(null, { status: 204 })
  }),
  http.post(`${HOOKS_HOST}/cgi-bin/webhook/send`, async ({ request }) => {
    await record(request)
    return HttpResponse.json({ errcode: 0, errmsg: 'ok' })
  }),
  http.post(`${HOOKS_HOST}/robot/send`, async ({ request }) => {
    await record(request)
    return HttpResponse.json({ errcode: 0, errmsg: 'ok' })
  }),
  http.post(`${HOOKS_HOST}/open-apis/bot/v2/hook/:token`, async ({ request }) => {
    await record(request)
    return HttpResponse.json({ code: 0, msg: 'success', data: {} })
  }),
  // A DingTalk bot whose keyword filter rejects the message: HTTP 200, errcode non-zero.
  http.post(`${HOOKS_HOST}/robot/keyword`, async ({ request }) => {
    await record(request)
    return HttpResponse.json({ errcode: 310000, errmsg: 'keywords not in content' })
  }),
  http.post(`${HOOKS_HOST}/flaky`, async ({ request }) => {
    await record(request)
    flakyCalls += 1
    return flakyCalls === 1 ? HttpResponse.json({ error: 'overloaded' }, { status: 500 }) : new HttpResponse(null, { status: 200 })
  }),
  http.post(`${HOOKS_HOST}/down`, async ({ request }) => {
    await record(request)
    return new HttpResponse('bad gateway', { status: 502 })
  }),
]
