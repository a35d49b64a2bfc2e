import type { IngestRefusal } from './ingest-error.ts'

// What happened to one pasted text, uploaded file or fetched page, as the results list
// shows it. Shared by the synchronous upload, the bulk-upload job and URL ingestion.

export interface IngestOutcome {
  name: string
  status: 'ingested' | 'duplicate' | 'refused'
  /** A message key, optionally with ?params, for refusals. */
  reason?: string
  document?: { id: number; title: string; publishedAt: string | null }
  mentions?: number
  companies?: { id: number; name: string; nameZh: string; count: number }[]
  /** A duplicate's tags and themes that this ingest added to the stored copy. */
  merged?: MergedDetails
}

export interface MergedDetails {
  tags: string[]
  themes: { id: number; name: string; nameZh: string }[]
}

export function outcomeOf(
  name: string,
  result: {
    document: { id: number; title: string; publishedAt: string | null; duplicate: boolean }
    mentions: number
    companies: { id: number; name: string; nameZh: string; count: number }[]
    merged?: MergedDetails
  },
): IngestOutcome {
  const { id, title, publishedAt } = result.document
  const merged = result.merged
  return {
    name,
    status: result.document.duplicate ? 'duplicate' : 'ingested',
    document: { id, title, publishedAt },
    mentions: result.mentions,
    companies: result.companies.map((c) => ({ id: c.id, name: c.name, nameZh: c.nameZh, count: c.count })),
    ...(merged && (merged.tags.length > 0 || merged.themes.length > 0)
      ? { merged: { tags: [...merged.tags], themes: merged.themes.map((t) => ({ id: t.id, name: t.name, nameZh: t.nameZh })) } }
      : {}),
  }
}

/** documents.refused.<reason>?param=value: a message key the page translates. */
export function refusalKey(reason: IngestRefusal | 'failed', params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  return `documents.refused.${reason}${query ? `?${query}` : ''}`
}
