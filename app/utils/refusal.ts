// The one expected failure. A model, service or extractor throws a Refusal when a person
// can fix the cause (a name already taken, a locked week, a file too large); one http
// helper (app/http/refusal.server.ts) turns it into the route's 4xx response with the
// message next to `field`. Anything that is not a Refusal is a bug and becomes a 500.

export interface RefusalInit {
  /** The form field the message belongs next to; 'form' for the whole form. */
  field?: string
  /** An i18n message key, optionally with parameters: 'watchlists.import.tooLarge?max=50'. */
  messageKey: string
  status?: number
}

export class Refusal extends Error {
  readonly reason: string
  readonly field: string
  readonly messageKey: string
  readonly status: number

  constructor(reason: string, init: RefusalInit) {
    super(reason)
    this.name = 'Refusal'
    this.reason = reason
    this.field = init.field ?? 'form'
    this.messageKey = init.messageKey
    this.status = init.status ?? 400
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal
}

/** A refusal table: each reason's message key, status and (optionally) field. */
export type RefusalTable<Reason extends string> = Record<Reason, { key: string; status: number; field?: string }>

/** Builds a Refusal from a domain's table, so each domain lists its reasons in one place. */
export function refusalFrom<Reason extends string>(table: RefusalTable<Reason>, reason: Reason, field?: string): RefusalInit {
  const entry = table[reason]
  return { messageKey: entry.key, status: entry.status, field: field ?? entry.field ?? 'form' }
}
