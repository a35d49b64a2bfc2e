import { type Expression, sql, type SqlBool } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { REMATCH_COMPANY_JOB_KIND } from '#app/schemas/job-kinds.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { AlertMessage } from '#app/webhooks/formats.ts'
import type { DocumentLanguage, Region, VendorType } from '#db/types.ts'

import { selectAlertsWithCompany } from './mention-alert.server.ts'
import { isMover, moverChange, TRAILING_WEEKS } from './mention-rules.ts'

// Who is talked about, week by week, for a theme or a watchlist.
//
// Unfiltered, or filtered by language only, everything comes from mention_week (the
// weekly rollup the database keeps in step with every mention insert and delete), so a
// theme with millions of mentions costs a few index lookups per company. Publisher and
// tag filters, and "only documents about the company" (mention.relevance), need the
// documents themselves and read mention + document, limited to the weeks asked for
// (document_iso_week_idx).

export type MentionScope = { themeId: number } | { watchlistId: number }

export interface MentionFilters {
  publisher?: string
  tag?: string
  language?: DocumentLanguage
  /** 'about': only mentions in documents about their company; passing mentions are left out. */
  relevance?: 'about'
}

export interface WeekRange {
  from: string
  to: string
}

export interface TopCompany {
  companyId: number
  nameEn: string
  nameZh: string
  region: Region
  vendorType: VendorType
  mentions: number
  documents: number
}

export interface Mover {
  companyId: number
  nameEn: string
  nameZh: string
  thisWeek: number
  trailingAvg: number
  /** (thisWeek + 1) / (trailingAvg + 1): above 1 rising, below 1 falling. */
  change: number
}

/** An alert with the week's count now: later documents of the week keep adding to it. */
export type ScopeAlert = AlertMessage & { currentMentions: number }

export interface MentionOverview {
  top: TopCompany[]
  movers: Mover[]
  shareOfVoice: { byRegion: { region: Region; mentions: number }[]; byVendorType: { vendorType: VendorType; mentions: number }[] }
  alerts: ScopeAlert[]
}

/** Every week in [from, to], ascending, so charts show quiet weeks as zero instead of skipping them. */
export function weeksBetween(range: WeekRange, max = 260): string[] {
  const weeks: string[] = []
  for (let week = range.from; week <= range.to && weeks.length < max; week = shiftIsoWeek(week, 1)) weeks.push(week)
  return weeks
}

const TOP_LIMIT = 15
const MOVERS_LIMIT = 10

/** The companies of a theme (its current members) or a watchlist (its live entries). */
function scopeCompanyIds(db: DB, scope: MentionScope) {
  return 'themeId' in scope
    ? db
        .selectFrom('theme_company')
        .select('theme_company.company_id as id')
        .where('theme_company.theme_id', '=', scope.themeId)
        .where('theme_company.valid_to', 'is', null)
    : db
        .selectFrom('watchlist_entry')
        .select('watchlist_entry.company_id as id')
        .where('watchlist_entry.watchlist_id', '=', scope.watchlistId)
        .where('watchlist_entry.removed_at', 'is', null)
}

const hasDocumentFilters = (filters: MentionFilters) => Boolean(filters.publisher || filters.tag || filters.relevance)

/** Per company in scope: mentions and documents in the range, this week (range.to) and the trailing weeks. */
type CompanyTotals = TopCompany & { thisWeek: number; trailing: number }

/**
 * One query, one row per company in scope that was mentioned in [min(from, to - 4), to]:
 * everything the overview needs, aggregated in the database. Unfiltered (or by language)
 * it reads the rollup; publisher and tag filters count raw mentions of the documents in
 * those weeks.
 */
async function companyTotals(db: DB, scope: MentionScope, range: WeekRange, filters: MentionFilters): Promise<CompanyTotals[]> {
  const trailingFrom = shiftIsoWeek(range.to, -TRAILING_WEEKS)
  const first = range.from < trailingFrom ? range.from : trailingFrom
  const raw = hasDocumentFilters(filters)
  const week = sql.ref(raw ? 'document.iso_week' : 'mention_week.iso_week')
  const mentions = raw ? sql`1` : sql.ref('mention_week.mentions')
  const columns = [
    'company.id as companyId',
    'company.name_en as nameEn',
    'company.name_zh as nameZh',
    'company.region',
    'company.vendor_type as vendorType',
    sql<number>`coalesce(sum(${mentions}) filter (where ${week} >= ${range.from}), 0)::int`.as('mentions'),
    (raw
      ? sql<number>`count(distinct mention.document_id) filter (where ${week} >= ${range.from})::int`
      : sql<number>`coalesce(sum(mention_week.documents) filter (where ${week} >= ${range.from}), 0)::int`
    ).as('documents'),
    sql<number>`coalesce(sum(${mentions}) filter (where ${week} = ${range.to}), 0)::int`.as('thisWeek'),
    sql<number>`coalesce(sum(${mentions}) filter (where ${week} >= ${trailingFrom} and ${week} < ${range.to}), 0)::int`.as('trailing'),
  ] as const
  if (!raw) {
    let query = db
      .selectFrom('mention_week')
      .innerJoin('company', 'company.id', 'mention_week.company_id')
      .select(columns)
      .where('mention_week.company_id', 'in', scopeCompanyIds(db, scope))
      .where('mention_week.iso_week', '>=', first)
      .where('mention_week.iso_week', '<=', range.to)
      .groupBy('company.id')
    if (filters.language) query = query.where('mention_week.language', '=', filters.language)
    return query.execute()
  }
  let query = db
    .selectFrom('mention')
    .innerJoin('document', 'document.id', 'mention.document_id')
    .innerJoin('company', 'company.id', 'mention.company_id')
    .select(columns)
    .where('mention.company_id', 'in', scopeCompanyIds(db, scope))
    .where('document.iso_week', '>=', first)
    .where('document.iso_week', '<=', range.to)
    .groupBy('company.id')
  if (filters.language) query = query.where('document.language', '=', filters.language)
  if (filters.publisher) query = query.where('document.publisher', '=', filters.publisher)
  if (filters.tag) query = query.where(sql<SqlBool>`document.tags @> array[${filters.tag}]::text[]` as Expression<SqlBool>)
  if (filters.relevance) query = query.where('mention.relevance', '=', filters.relevance)
  return query.execute()
}

/** Mentions per week in [from, to] over all companies in scope, for the dashboard's chart. */
async function weeklyTotals(db: DB, scope: MentionScope, range: WeekRange, filters: MentionFilters): Promise<Map<string, number>> {
  let rows: { week: string; mentions: number }[]
  if (!hasDocumentFilters(filters)) {
    let query = db
      .selectFrom('mention_week')
      .select(['iso_week as week', sql<number>`sum(mentions)::int`.as('mentions')])
      .where('company_id', 'in', scopeCompanyIds(db, scope))
      .where('iso_week', '>=', range.from)
      .where('iso_week', '<=', range.to)
      .groupBy('iso_week')
    if (filters.language) query = query.where('language', '=', filters.language)
    rows = await query.execute()
  } else {
    let query = db
      .selectFrom('mention')
      .innerJoin('document', 'document.id', 'mention.document_id')
      .select(['document.iso_week as week', sql<number>`count(*)::int`.as('mentions')])
      .where('mention.company_id', 'in', scopeCompanyIds(db, scope))
      .where('document.iso_week', '>=', range.from)
      .where('document.iso_week', '<=', range.to)
      .groupBy('document.iso_week')
    if (filters.language) query = query.where('document.language', '=', filters.language)
    if (filters.publisher) query = query.where('document.publisher', '=', filters.publisher)
    if (filters.tag) query = query.where(sql<SqlBool>`document.tags @> array[${filters.tag}]::text[]` as Expression<SqlBool>)
    if (filters.relevance) query = query.where('mention.relevance', '=', filters.relevance)
    rows = await query.execute()
  }
  return new Map(rows.map((r) => [r.week, r.mentions]))
}

/** Movers for range.to against the TRAILING_WEEKS before it (rule in mention-rules.ts). */
function findMovers(totals: CompanyTotals[]): Mover[] {
  const movers: Mover[] = []
  for (const c of totals) {
    const trailingAvg = c.trailing / TRAILING_WEEKS
    if (!isMover(c.thisWeek, trailingAvg)) continue
    movers.push({
      companyId: c.companyId,
      nameEn: c.nameEn,
      nameZh: c.nameZh,
      thisWeek: c.thisWeek,
      trailingAvg: round2(trailingAvg),
      change: round2(moverChange(c.thisWeek, trailingAvg)),
    })
  }
  // Biggest moves either way first: distance from 1 on a log scale.
  return movers
    .sort((a, b) => Math.abs(Math.log(b.change)) - Math.abs(Math.log(a.change)) || b.thisWeek - a.thisWeek)
    .slice(0, MOVERS_LIMIT)
}

const round2 = (n: number) => Math.round(n * 100) / 100

function sumBy<K extends string>(items: { key: K; mentions: number }[]): { key: K; mentions: number }[] {
  const totals = new Map<K, number>()
  for (const item of items) totals.set(item.key, (totals.get(item.key) ?? 0) + item.mentions)
  return [...totals].map(([key, mentions]) => ({ key, mentions })).sort((a, b) => b.mentions - a.mentions)
}

/** Alerts raised for companies in scope, weeks in range, newest week first. */
export async function listScopeAlerts(db: DB, scope: MentionScope, range: WeekRange): Promise<ScopeAlert[]> {
  return selectAlertsWithCompany(db)
    .select((eb) =>
      eb
        .selectFrom('mention_week')
        .whereRef('mention_week.company_id', '=', 'mention_alert.company_id')
        .whereRef('mention_week.iso_week', '=', 'mention_alert.iso_week')
        .select(sql<number>`coalesce(sum(mention_week.mentions), 0)::int`.as('n'))
        .as('currentMentions'),
    )
    .$narrowType<{ currentMentions: number }>()
    .where('mention_alert.company_id', 'in', scopeCompanyIds(db, scope))
    .where('mention_alert.iso_week', '>=', range.from)
    .where('mention_alert.iso_week', '<=', range.to)
    .orderBy('mention_alert.iso_week', 'desc')
    .orderBy('mention_alert.mentions', 'desc')
    .limit(50)
    .execute()
}

/** Top companies, movers, share of voice and alerts; the shared part of the range and week views. */
async function loadOverview(db: DB, scope: MentionScope, range: WeekRange, filters: MentionFilters): Promise<MentionOverview> {
  const [totals, alerts] = await Promise.all([companyTotals(db, scope, range, filters), listScopeAlerts(db, scope, range)])
  const ranked = totals
    .filter((c) => c.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || a.nameEn.localeCompare(b.nameEn))
    .map(({ companyId, nameEn, nameZh, region, vendorType, mentions, documents }) => ({
      companyId,
      nameEn,
      nameZh,
      region,
      vendorType,
      mentions,
      documents,
    }))
  return {
    top: ranked.slice(0, TOP_LIMIT),
    movers: findMovers(totals),
    shareOfVoice: {
      byRegion: sumBy(ranked.map((r) => ({ key: r.region, mentions: r.mentions }))).map(({ key, mentions }) => ({ region: key, mentions })),
      byVendorType: sumBy(ranked.map((r) => ({ key: r.vendorType, mentions: r.mentions }))).map(({ key, mentions }) => ({
        vendorType: key,
        mentions,
      })),
    },
    alerts,
  }
}

/**
 * The dashboard: top companies, share of voice and alerts over [from, to]; movers for the
 * range's last week; mentions per week for the chart (every week, zero included).
 */
export async function loadMentionRange(db: DB, scope: MentionScope, range: WeekRange, filters: MentionFilters = {}) {
  const overview = await loadOverview(db, scope, range, filters)
  const perWeek = await weeklyTotals(db, scope, range, filters)
  // Mentions only: documents per company cannot be added up (one document names several).
  const weekly = weeksBetween(range).map((week) => ({ week, mentions: perWeek.get(week) ?? 0 }))
  return { ...overview, weekly }
}

/** One ISO week's view of a theme or watchlist, for the meeting page: four small queries on the rollup. */
export async function loadMentionOverview(
  db: DB,
  scope: MentionScope,
  week: string,
  filters: MentionFilters = {},
): Promise<MentionOverview> {
  return loadOverview(db, scope, { from: week, to: week }, filters)
}

/** Companies whose mentions are being re-matched (a rematch job queued or running): their counts are changing. */
export async function countCompaniesBeingRematched(db: DB): Promise<number> {
  const row = await db
    .selectFrom('job')
    .select(sql<number>`count(distinct payload->>'companyId')::int`.as('n'))
    .where('kind', '=', REMATCH_COMPANY_JOB_KIND)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow()
  return row.n
}
