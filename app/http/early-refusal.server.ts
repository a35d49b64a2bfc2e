import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

import type { MessageKey } from '#app/i18n/index.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'

import { resolveLocale } from './auth.server.ts'

// Refusals sent by Express middleware before a request reaches Remix (a cross-site form,
// a body over its limit, a broken multipart header). No route runs, so there is no error
// boundary: a page gets a small translated HTML page, a data request (?_data=, sent by
// Remix's own forms) the usual form failure, which the page shows next to the form.

export interface EarlyRefusal {
  status: number
  titleKey: MessageKey
  messageKey: MessageKey
}

/** The reader's language without the database: the language cookie, else Accept-Language. */
export async function localeOf(req: ExpressRequest) {
  const probe = new Request('http://localhost/', {
    headers: { cookie: req.get('cookie') ?? '', 'accept-language': req.get('accept-language') ?? '' },
  })
  return resolveLocale(probe, null).catch(() => 'en' as const)
}

export function isDataRequest(req: ExpressRequest): boolean {
  return new URLSearchParams(req.originalUrl.split('?')[1] ?? '').has('_data')
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

export async function sendEarlyRefusal(req: ExpressRequest, res: ExpressResponse, refusal: EarlyRefusal): Promise<void> {
  if (res.headersSent) return
  res.status(refusal.status)
  res.setHeader('Cache-Control', 'no-store')
  if (isDataRequest(req)) {
    // X-Remix-Response: Remix's client then hands the body to the page as action data.
    res.setHeader('X-Remix-Response', 'yes')
    res.json({ ok: false, errors: { form: refusal.messageKey }, values: {} })
    return
  }
  const locale = await localeOf(req)
  const t = makeTranslate(locale)
  const title = escapeHtml(t(refusal.titleKey))
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title}</title></head><body><main><p>${refusal.status}</p><h1>${title}</h1>` +
        `<p>${escapeHtml(t(refusal.messageKey))}</p><p><a href="/">${escapeHtml(t('error.goHome'))}</a></p></main></body></html>`,
    )
}
