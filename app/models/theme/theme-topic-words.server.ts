import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { auditTheme, ThemeEditError } from './theme-edit.server.ts'

// A theme's topic words (视频生成, video generation, 文生图): words that show a text is about
// the theme, so an ambiguous alias near one counts as its company (issue 12, item 4). The
// engine reads the words of every theme together (app/models/mentions/mention-matcher.server.ts).

/** One theme's topic words, in the order they were typed. */
export async function getThemeTopicWords(db: DB, themeId: number): Promise<string[]> {
  const row = await db.selectFrom('theme').select('topic_words as topicWords').where('id', '=', themeId).executeTakeFirst()
  return row?.topicWords ?? []
}

/**
 * Replaces a theme's topic words (already split, trimmed and checked by TopicWordsSchema).
 * Audited as 'theme.topic_words' with the lists before and after as text, so the theme's
 * history shows them. Says whether anything changed: an unchanged list needs no re-match.
 */
export async function setThemeTopicWords(db: DB, actor: Actor, themeId: number, words: string[]): Promise<{ changed: boolean }> {
  return inTransaction(db, async (tx) => {
    const row = await tx.selectFrom('theme').select('topic_words as topicWords').where('id', '=', themeId).forUpdate().executeTakeFirst()
    if (!row) throw new ThemeEditError('notFound')
    if (row.topicWords.join('\n') === words.join('\n')) return { changed: false }
    await tx.updateTable('theme').set({ topic_words: words }).where('id', '=', themeId).execute()
    await auditTheme(tx, actor, themeId, 'topic_words', { topicWords: row.topicWords.join(', ') }, { topicWords: words.join(', ') })
    return { changed: true }
  })
}
