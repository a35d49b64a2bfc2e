import { IngestError } from '#app/ingest/ingest-error.ts'
import type { FeedItem } from '#app/ingest/parse-feed.ts'
import type { DB } from '#app/models/db.server.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import { FeedItemSkipped, type FeedRef, type IngestFeedItem } from '#app/services/feeds/poll-feed.server.ts'
import { calendarDateIn } from '#app/utils/iso-week.ts'

import { ingestDocument } from './ingest-document.server.ts'

// A feed item -> a document, through the ingest pipeline's ingestDocument (which
// extracts the text from the item's markup, finds mentions and stores the same content
// once). An item it refuses (no text, too long) is skipped, not the whole poll.

/** The calendar day the item was published, in the team's time zone. */
export function publishedOnOf(item: Pick<FeedItem, 'published'>, timeZone: string): string | null {
  if (!item.published) return null
  const { year, month, day } = calendarDateIn(new Date(item.published), timeZone)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export const ingestFeedItem: IngestFeedItem = async (db: DB, item: FeedItem, feed: FeedRef) => {
  const timeZone = await getTeamTimeZone(db)
  const html = item.html.trim() || item.summary.trim() || `<p>${escapeHtml(item.title)}</p>`
  try {
    const result = await ingestDocument(db, {
      html,
      title: item.title,
      publisher: feed.title || new URL(feed.url).hostname,
      publishedOn: publishedOnOf(item, timeZone),
      sourceUrl: item.link,
      feedId: feed.id,
      createdBy: null,
    })
    return { created: !result.document.duplicate }
  } catch (error) {
    if (error instanceof IngestError) throw new FeedItemSkipped(`documents.refused.${error.reason}`)
    throw error
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}
