import type { DemoThemeBundle } from '../demo-data.ts'
import { type Ids, insertedOrExisting, lookup, type Run } from './run.ts'

// A theme with its risks and catalysts, application segments, company links and
// data-exhaustion estimates.

export async function seedTheme(run: Run, bundle: DemoThemeBundle, rubrics: Ids, companies: Ids): Promise<number> {
  const { trx } = run
  const { theme } = bundle
  const now = new Date()
  const inserted = await trx
    .insertInto('theme')
    .values({
      slug: theme.slug,
      name_en: theme.nameEn,
      name_zh: theme.nameZh,
      summary_en: theme.summaryEn,
      summary_zh: theme.summaryZh,
      thesis_md: theme.thesisMd,
      thesis_zh_md: theme.thesisZhMd ?? '',
      // Both languages written together: neither reads as older than the other.
      thesis_en_updated_at: theme.thesisMd ? now : null,
      thesis_zh_updated_at: theme.thesisZhMd ? now : null,
      summary_en_updated_at: theme.summaryEn ? now : null,
      summary_zh_updated_at: theme.summaryZh ? now : null,
      stance: theme.stance,
      status: theme.status,
      rubric_id: lookup(rubrics, theme.rubric, 'rubric'),
      topic_words: theme.topicWords,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst()
  // Risks and catalysts have no natural key, and the team rewords them: they are loaded
  // with the theme and left alone once it exists.
  if (inserted && theme.points.length > 0) {
    await trx
      .insertInto('theme_point')
      .values(
        theme.points.map((p, position) => ({
          theme_id: inserted.id,
          kind: p.kind,
          text_en: p.textEn,
          text_zh: p.textZh,
          text_en_updated_at: p.textEn ? now : null,
          text_zh_updated_at: p.textZh ? now : null,
          expected_on: p.expectedOn ?? null,
          position,
        })),
      )
      .execute()
    run.created += theme.points.length
  }
  const themeId = await insertedOrExisting(
    run,
    inserted,
    () => trx.selectFrom('theme').select('id').where('slug', '=', theme.slug).executeTakeFirst(),
    `theme ${theme.slug}`,
  )

  for (const [position, s] of bundle.segments.entries()) {
    const segment = await trx
      .insertInto('application_segment')
      .values({
        theme_id: themeId,
        audience: s.audience,
        slug: s.slug,
        name_en: s.nameEn,
        name_zh: s.nameZh,
        note_en: s.noteEn,
        note_zh: s.noteZh,
        note_en_updated_at: s.noteEn ? now : null,
        note_zh_updated_at: s.noteZh ? now : null,
        position,
      })
      .onConflict((oc) => oc.columns(['theme_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst()
    const segmentId = await insertedOrExisting(
      run,
      segment,
      () =>
        trx.selectFrom('application_segment').select('id').where('theme_id', '=', themeId).where('slug', '=', s.slug).executeTakeFirst(),
      `segment ${s.slug}`,
    )
    if (s.companies.length === 0) continue
    const links = await trx
      .insertInto('segment_company')
      .values(
        s.companies.map((sc) => ({
          segment_id: segmentId,
          company_id: lookup(companies, sc.company, 'company'),
          note: sc.note,
        })),
      )
      .onConflict((oc) => oc.columns(['segment_id', 'company_id']).doNothing())
      .returning('company_id')
      .execute()
    run.created += links.length
  }

  if (bundle.companies.length > 0) {
    const links = await trx
      .insertInto('theme_company')
      .values(
        bundle.companies.map((tc) => ({
          theme_id: themeId,
          company_id: lookup(companies, tc.company, 'company'),
          role: tc.role,
          exposure: tc.exposure,
          note: tc.note,
          reason: tc.note,
          // Members since before the demo team's eight weeks of history, so a new install's
          // theme page does not list every demo company as having joined this week.
          valid_from: new Date(Date.now() - 12 * 7 * 86_400_000),
        })),
      )
      // Only a current member conflicts (decision 039): a company that left may be added again.
      .onConflict((oc) => oc.columns(['theme_id', 'company_id']).where('valid_to', 'is', null).doNothing())
      .returning('company_id')
      .execute()
    run.created += links.length
  }

  for (const [position, ds] of bundle.dataStocks.entries()) {
    const stock = await trx
      .insertInto('data_stock')
      .values({ theme_id: themeId, slug: ds.slug, name_en: ds.nameEn, name_zh: ds.nameZh, position })
      .onConflict((oc) => oc.columns(['theme_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst()
    const stockId = await insertedOrExisting(
      run,
      stock,
      () => trx.selectFrom('data_stock').select('id').where('theme_id', '=', themeId).where('slug', '=', ds.slug).executeTakeFirst(),
      `data stock ${ds.slug}`,
    )
    if (ds.estimates.length === 0) continue
    const estimates = await trx
      .insertInto('data_exhaustion_estimate')
      .values(
        ds.estimates.map((e) => ({
          data_stock_id: stockId,
          source: e.source,
          estimated_on: e.estimatedOn,
          year_from: e.yearFrom,
          year_to: e.yearTo,
          note: e.note,
        })),
      )
      .onConflict((oc) => oc.columns(['data_stock_id', 'source', 'estimated_on']).doNothing())
      .returning('id')
      .execute()
    run.created += estimates.length
  }
  return themeId
}
