import { normaliseAlias } from '#app/utils/normalise.ts'
import { parseTicker } from '#app/utils/ticker.ts'

import { DEMO_COMPANIES, DEMO_WATCHLISTS } from '../demo-data.ts'
import { type Ids, insertCounted, lookup, type Run } from './run.ts'

// Companies with their tickers, aliases and modalities, then the watchlists that list them.

export async function seedCompanies(run: Run): Promise<Ids> {
  const { trx } = run
  const ids: Ids = new Map()
  for (const c of DEMO_COMPANIES) {
    // company_name_en_key is an expression index (lower(name_en)): look it up first.
    const found = await trx
      .selectFrom('company')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name_en']), '=', c.nameEn.toLowerCase()))
      .executeTakeFirst()
    const id =
      found?.id ??
      (await insertCounted(
        run,
        trx
          .insertInto('company')
          .values({
            name_en: c.nameEn,
            name_zh: c.nameZh,
            region: c.region,
            is_listed: c.isListed,
            vendor_type: c.vendorType,
            website: c.website ?? null,
            notes_md: c.notesMd,
            parent_company_id: c.parent ? lookup(ids, c.parent, 'parent company') : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ))
    ids.set(c.nameEn, id)

    if (c.tickers.length > 0) {
      const tickers = await trx
        .insertInto('company_ticker')
        .values(
          c.tickers.map((text, index) => {
            const ticker = parseTicker(text)
            if (!ticker) throw new Error(`demo seed: ${c.nameEn} has a malformed ticker "${text}"`)
            return { company_id: id, exchange: ticker.exchange, code: ticker.code, is_primary: index === 0 }
          }),
        )
        .onConflict((oc) => oc.columns(['exchange', 'code']).doNothing())
        .returning('id')
        .execute()
      run.created += tickers.length
    }

    const aliases = await trx
      .insertInto('company_alias')
      .values(
        c.aliases.map((a) => ({
          company_id: id,
          text: a.text,
          normalised_text: normaliseAlias(a.text),
          language: a.language,
          kind: a.kind,
          case_sensitive: a.caseSensitive,
          is_ambiguous: a.ambiguous,
          ambiguous_reason: a.ambiguousReason,
          negative_context: a.negativeContext,
        })),
      )
      .onConflict((oc) => oc.column('normalised_text').doNothing())
      .returning('id')
      .execute()
    run.created += aliases.length
  }
  return ids
}

/** Companies' modalities: items of the multimodal-AI theme (decision 036). */
export async function seedCompanyModalities(run: Run, companies: Ids, modalities: Ids): Promise<void> {
  for (const c of DEMO_COMPANIES) {
    if (c.modalities.length === 0) continue
    const id = lookup(companies, c.nameEn, 'company')
    const links = await run.trx
      .insertInto('company_modality')
      .values(c.modalities.map((slug) => ({ company_id: id, modality_id: lookup(modalities, slug, 'modality') })))
      .onConflict((oc) => oc.columns(['company_id', 'modality_id']).doNothing())
      .returning('company_id')
      .execute()
    run.created += links.length
  }
}

export async function seedWatchlists(run: Run, themes: Ids, companies: Ids): Promise<void> {
  const { trx } = run
  for (const w of DEMO_WATCHLISTS) {
    // watchlist_name_key is an expression index (lower(name)): look it up first.
    const found = await trx
      .selectFrom('watchlist')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', w.name.toLowerCase()))
      .executeTakeFirst()
    const watchlistId =
      found?.id ??
      (await insertCounted(
        run,
        trx
          .insertInto('watchlist')
          .values({ name: w.name, description: w.description, theme_id: w.theme ? lookup(themes, w.theme, 'theme') : null })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ))

    // Any entry, live or removed, counts as present: re-seeding must not bring back a
    // company the team took off the list.
    const present = new Set(
      (await trx.selectFrom('watchlist_entry').select('company_id').where('watchlist_id', '=', watchlistId).execute()).map(
        (row) => row.company_id,
      ),
    )
    const missing = w.entries
      .map((e) => ({ ...e, companyId: lookup(companies, e.company, 'company') }))
      .filter((e) => !present.has(e.companyId))
    if (missing.length === 0) continue
    await trx
      .insertInto('watchlist_entry')
      .values(missing.map((e) => ({ watchlist_id: watchlistId, company_id: e.companyId, rationale: e.rationale, tags: e.tags })))
      .execute()
    run.created += missing.length
  }
}
