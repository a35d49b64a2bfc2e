import type { Kysely, Transaction } from 'kysely'

import type { Database } from '#db/types.ts'

import { DEMO_THEMES, MULTIMODAL_AI_THEME } from './demo-data.ts'
import { seedCompanies, seedCompanyModalities, seedWatchlists } from './load/companies.ts'
import type { Ids, Run } from './load/run.ts'
import { seedTheme } from './load/theme.ts'
import { seedDimensions, seedItems, seedRubrics } from './load/vocabulary.ts'

// Loads the demo data set. Idempotent: every row is found by its natural key and only
// inserted when missing, and rows that exist are never updated, so a second run changes
// nothing and edits the team made to demo rows survive a re-seed.

export const DEMO_SEEDED_SETTING = 'demo.seeded_at'

export async function seedDemoData(db: Kysely<Database>): Promise<{ created: number }> {
  // One transaction, and only its handle inside: PGlite has a single connection, so a
  // query on the outer db would wait for this transaction for ever.
  return db.transaction().execute(async (trx) => {
    const run: Run = { trx, created: 0 }
    const rubrics = await seedRubrics(run)
    const companies = await seedCompanies(run)
    const themes: Ids = new Map()
    // Each theme's own items and dimensions (decision 036); companies' modalities are the
    // multimodal-AI theme's items.
    for (const bundle of DEMO_THEMES) {
      const themeId = await seedTheme(run, bundle, rubrics, companies)
      themes.set(bundle.theme.slug, themeId)
      const items = await seedItems(run, themeId, bundle.items)
      await seedDimensions(run, themeId, bundle.dimensions)
      if (bundle.theme.slug === MULTIMODAL_AI_THEME.slug) await seedCompanyModalities(run, companies, items)
    }
    await seedWatchlists(run, themes, companies)
    await markSeeded(run)
    return { created: run.created }
  })
}

/** Whether the demo data set has been loaded into this database. */
export async function isDemoSeeded(db: Kysely<Database> | Transaction<Database>): Promise<boolean> {
  const row = await db.selectFrom('app_setting').select('key').where('key', '=', DEMO_SEEDED_SETTING).executeTakeFirst()
  return row !== undefined
}

async function markSeeded(run: Run): Promise<void> {
  await run.trx
    .insertInto('app_setting')
    .values({ key: DEMO_SEEDED_SETTING, value: JSON.stringify(new Date().toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  // Not a user action, but an administrator should see when demo rows appeared.
  if (run.created > 0) {
    await run.trx
      .insertInto('audit_log')
      .values({
        user_id: null,
        action: 'seed.demo_loaded',
        entity_type: 'demo',
        entity_id: null,
        new_value: JSON.stringify({ created: run.created }),
      })
      .execute()
  }
}
