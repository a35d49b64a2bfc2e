import type { Actor } from '#app/models/account/index.server.ts'
import {
  addAlias,
  type AliasInput,
  type AliasOutcome,
  listCompaniesWithAmbiguousAliases,
  removeAlias,
  updateAlias,
} from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { setThemeTopicWords } from '#app/models/theme/index.server.ts'
import { requestCompanyRematch } from '#app/services/jobs/rematch-company-job.server.ts'

// Edits that change how mentions are found: an alias (its text, ambiguity or negative
// context) or a theme's topic words. Each saves through its model, then asks for the
// affected history to be re-matched as a job (issue 12, item 9), whose id the page links to.
// The job is queued after the edit commits: the edit stands even if queueing fails, and
// the next edit (or a rescan) brings the history up to date.

export interface AliasSaved extends AliasOutcome {
  /** The re-match job, or null when nothing changed. */
  jobId: number | null
}

const rematch = (db: DB, actor: Actor, companyId: number, reason: string) =>
  requestCompanyRematch(db, { companyId, userId: actor.id, reason, ip: actor.ip })

export async function addCompanyAlias(db: DB, actor: Actor, companyId: number, input: AliasInput): Promise<AliasSaved> {
  const outcome = await addAlias(db, actor, companyId, input)
  return { ...outcome, jobId: await rematch(db, actor, companyId, 'alias added') }
}

export async function updateCompanyAlias(db: DB, actor: Actor, companyId: number, aliasId: number, input: AliasInput): Promise<AliasSaved> {
  const outcome = await updateAlias(db, actor, companyId, aliasId, input)
  return { ...outcome, jobId: outcome.changed ? await rematch(db, actor, companyId, 'alias edited') : null }
}

export async function removeCompanyAlias(db: DB, actor: Actor, companyId: number, aliasId: number): Promise<{ jobId: number }> {
  await removeAlias(db, actor, companyId, aliasId)
  return { jobId: await rematch(db, actor, companyId, 'alias removed') }
}

/**
 * Topic words are context for ambiguous aliases only, and the engine reads every theme's
 * words together, so a change can alter the mentions of any company with an ambiguous
 * alias and of no other: those companies are re-matched, each as its own job (one per
 * company joins an edit already queued for it). Documents of the theme alone would miss
 * the texts that become about the theme through the new words.
 */
export async function saveThemeTopicWords(
  db: DB,
  actor: Actor,
  themeId: number,
  words: string[],
): Promise<{ changed: boolean; jobIds: number[] }> {
  const { changed } = await setThemeTopicWords(db, actor, themeId, words)
  if (!changed) return { changed, jobIds: [] }
  const jobIds: number[] = []
  for (const companyId of await listCompaniesWithAmbiguousAliases(db))
    jobIds.push(await rematch(db, actor, companyId, 'topic words changed'))
  return { changed, jobIds }
}
