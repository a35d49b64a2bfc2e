import {
  derivedAliasProblem,
  deriveShortNames,
  ordinaryWord,
  type UniverseRecord,
  type UniverseTicker,
} from '#app/ingest/universe/index.ts'
import { normaliseAlias } from '#app/utils/normalise.ts'
import { formatTicker, tickerKey } from '#app/utils/ticker.ts'
import type { AliasKind, AliasLanguage, Region } from '#db/types.ts'

// What importing a company universe would do, worked out in memory against the registry
// as it stands (loaded by company-universe.server.ts): one pass to decide which company
// each listed company is (by ticker, then by exact name), one to count who could claim
// each derived short name, one to decide each company's changes. Nothing already in the
// registry is overwritten: names, notes and aliases people edited stay as they are.

export interface RegistryState {
  companies: Map<number, { nameEn: string; nameZh: string; region: Region }>
  /** tickerKey -> the ticker row */
  tickers: Map<string, { id: number; companyId: number; board: string | null }>
  /** normalised alias -> company id */
  aliases: Map<string, number>
  /** lower(name_en) of every company, for the unique index */
  namesEn: Set<string>
}

export interface PlannedAlias {
  text: string
  normalised: string
  language: AliasLanguage
  kind: AliasKind
  ambiguousReason: 'english_word' | 'chinese_word' | null
}

interface Target {
  companyId: number | null
  rows: number[]
  tickers: UniverseTicker[]
  nameEn: string
  nameZh: string
  fullNames: string[]
  shortNames: string[]
  explicit: string[]
}

export interface PlannedCompany {
  rows: number[]
  nameEn: string
  nameZh: string
  region: Region
  tickers: UniverseTicker[]
  aliases: PlannedAlias[]
}

export interface PlannedUpdate {
  companyId: number
  rows: number[]
  nameEn: string
  nameZh: string
  addTickers: UniverseTicker[]
  setBoards: { tickerId: number; ticker: string; board: NonNullable<UniverseTicker['board']> }[]
  setNameZh: string | null
  addAliases: PlannedAlias[]
}

export interface UniversePlan {
  created: PlannedCompany[]
  updated: PlannedUpdate[]
  unchanged: { companyId: number; rows: number[]; nameEn: string; nameZh: string }[]
  /** Listed companies whose tickers belong to two different companies: left for a person. */
  conflicts: { row: number; tickers: string[] }[]
  /** Short names held back, by why: not unique in the universe, an ordinary word, too short. */
  heldBack: { notUnique: number; ordinaryWord: number; tooShort: number; taken: number; ticker: number }
}

const HAN = /\p{Script=Han}/u

function addTicker(target: Target, ticker: UniverseTicker): void {
  const same = target.tickers.find((t) => tickerKey(t) === tickerKey(ticker))
  if (!same) target.tickers.push(ticker)
  else same.board ??= ticker.board
}

function nameKeys(record: UniverseRecord): string[] {
  return [record.nameEn, record.nameZh, ...record.shortNames.filter((n) => HAN.test(n))].filter(Boolean).map(normaliseAlias)
}

/** Pass 1: which company each listed company is. */
function assignTargets(records: UniverseRecord[], state: RegistryState, conflicts: UniversePlan['conflicts']): Target[] {
  const targets: Target[] = []
  const byCompany = new Map<number, Target>()
  const byTicker = new Map<string, Target>()
  const byName = new Map<string, Target>()
  const exchangesOf = (target: Target) => new Set(target.tickers.map((t) => t.exchange))
  for (const record of records) {
    const owners = new Set<Target>()
    for (const ticker of record.tickers) {
      const known = state.tickers.get(tickerKey(ticker))
      if (known) {
        let target = byCompany.get(known.companyId)
        if (!target) {
          const company = state.companies.get(known.companyId)!
          target = {
            companyId: known.companyId,
            rows: [],
            tickers: [],
            nameEn: company.nameEn,
            nameZh: company.nameZh,
            fullNames: [],
            shortNames: [],
            explicit: [],
          }
          byCompany.set(known.companyId, target)
          targets.push(target)
        }
        owners.add(target)
      }
      const pending = byTicker.get(tickerKey(ticker))
      if (pending) owners.add(pending)
    }
    if (owners.size > 1) {
      conflicts.push({ row: record.row, tickers: record.tickers.map(formatTicker) })
      continue
    }
    let target = [...owners][0]
    // An A/H or ADR pair: the same full name on another exchange is the same company.
    if (!target) {
      const exchanges = new Set(record.tickers.map((t) => t.exchange))
      for (const key of nameKeys(record)) {
        const companyId = state.aliases.get(key)
        const candidate = byName.get(key) ?? (companyId === undefined ? undefined : byCompany.get(companyId))
        if (candidate && ![...exchangesOf(candidate)].some((e) => exchanges.has(e))) target = candidate
        else if (!candidate && companyId !== undefined && !byCompany.has(companyId)) {
          const company = state.companies.get(companyId)!
          target = {
            companyId,
            rows: [],
            tickers: [],
            nameEn: company.nameEn,
            nameZh: company.nameZh,
            fullNames: [],
            shortNames: [],
            explicit: [],
          }
          byCompany.set(companyId, target)
          targets.push(target)
        }
        if (target) break
      }
    }
    if (!target) {
      target = { companyId: null, rows: [], tickers: [], nameEn: '', nameZh: '', fullNames: [], shortNames: [], explicit: [] }
      targets.push(target)
    }
    target.rows.push(record.row)
    for (const ticker of record.tickers) {
      addTicker(target, ticker)
      byTicker.set(tickerKey(ticker), target)
    }
    if (target.companyId === null) {
      target.nameEn ||= record.nameEn || record.shortNames.find((n) => !HAN.test(n)) || ''
      target.nameZh ||= record.shortNames.find((n) => HAN.test(n)) || record.nameZh
    }
    for (const name of [record.nameEn, record.nameZh]) if (name && !target.fullNames.includes(name)) target.fullNames.push(name)
    for (const name of record.shortNames) if (!target.shortNames.includes(name)) target.shortNames.push(name)
    target.explicit.push(...record.aliases)
    for (const key of nameKeys(record)) if (!byName.has(key)) byName.set(key, target)
  }
  return targets
}

/** Derived names worth keeping from one name: the two shortest usable (Palantir, Palantir Technologies). */
function derivedOf(name: string): string[] {
  const all = deriveShortNames(name)
  const usable = all.filter((d) => derivedAliasProblem(d) === null)
  return usable.slice(0, 2)
}

function languageOf(text: string, region: Region): AliasLanguage {
  if (HAN.test(text)) return 'zh'
  return region === 'overseas' ? 'any' : 'en'
}

export function regionOf(tickers: UniverseTicker[]): Region {
  return tickers.length > 0 && tickers.every((t) => t.exchange === 'US') ? 'overseas' : 'domestic'
}

/** Everything the import would do to the registry in this state. */
export function planUniverse(records: UniverseRecord[], state: RegistryState): UniversePlan {
  const plan: UniversePlan = {
    created: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    heldBack: { notUnique: 0, ordinaryWord: 0, tooShort: 0, taken: 0, ticker: 0 },
  }
  const targets = assignTargets(records, state, plan.conflicts)

  // Pass 2: who could claim each derived name. A name two companies could mean is no alias.
  const claims = new Map<string, Set<Target>>()
  const derived = new Map<Target, string[]>()
  for (const target of targets) {
    const names = [...target.fullNames, ...target.shortNames, target.nameEn, target.nameZh].filter(Boolean)
    const own = [...new Set(names.flatMap(derivedOf))]
    derived.set(target, own)
    for (const text of [...own, ...names]) {
      const key = normaliseAlias(text)
      if (!claims.has(key)) claims.set(key, new Set())
      claims.get(key)!.add(target)
    }
  }

  // Pass 3: each company's changes. Keys are taken first come, first served within the file.
  const taken = new Map<string, number | Target>(state.aliases)
  // HKEX's English short names can be a US symbol (BABA-W, BIDU-SW): a ticker is never a
  // plain alias; the engine finds tickers in the forms people write them.
  const usCodes = new Set([...state.tickers.keys(), ...records.flatMap((r) => r.tickers.map(tickerKey))])
  const usedNamesEn = new Set(state.namesEn)
  for (const target of targets) {
    const region = target.companyId === null ? regionOf(target.tickers) : (state.companies.get(target.companyId)?.region ?? 'domestic')
    const aliases: PlannedAlias[] = []
    const offer = (text: string, kind: AliasKind, isDerived: boolean) => {
      const key = normaliseAlias(text)
      if (!key || key.length > 200) return
      const holder = taken.get(key)
      if (holder !== undefined) {
        if (holder !== target && holder !== target.companyId) plan.heldBack.taken += 1
        return
      }
      if (usCodes.has(`US:${text.toUpperCase()}`)) return void (plan.heldBack.ticker += 1)
      const problem = derivedAliasProblem(text)
      if (isDerived && problem) return void (plan.heldBack[problem] += 1)
      if (problem === 'tooShort') return void (plan.heldBack.tooShort += 1)
      if (isDerived && (claims.get(key)?.size ?? 0) > 1) return void (plan.heldBack.notUnique += 1)
      taken.set(key, target)
      aliases.push({ text, normalised: key, language: languageOf(text, region), kind, ambiguousReason: ordinaryWord(text) })
    }
    if (target.companyId === null) {
      let nameEn = target.nameEn || target.nameZh
      if (usedNamesEn.has(nameEn.toLowerCase()) && target.tickers[0]) nameEn = `${nameEn} (${formatTicker(target.tickers[0])})`
      if (usedNamesEn.has(nameEn.toLowerCase()) || !nameEn) {
        plan.conflicts.push({ row: target.rows[0], tickers: target.tickers.map(formatTicker) })
        continue
      }
      usedNamesEn.add(nameEn.toLowerCase())
      target.nameEn = nameEn
      offer(nameEn, 'name', false)
      if (target.nameZh) offer(target.nameZh, 'name', false)
    }
    for (const name of target.fullNames) offer(name, 'name', false)
    for (const name of target.shortNames) offer(name, 'short_name', false)
    for (const name of target.explicit) offer(name, 'short_name', false)
    for (const name of derived.get(target)!) offer(name, 'short_name', true)

    if (target.companyId === null) {
      plan.created.push({ rows: target.rows, nameEn: target.nameEn, nameZh: target.nameZh, region, tickers: target.tickers, aliases })
      continue
    }
    const addTickers = target.tickers.filter((t) => !state.tickers.has(tickerKey(t)))
    const setBoards: PlannedUpdate['setBoards'] = []
    for (const t of target.tickers) {
      const known = state.tickers.get(tickerKey(t))
      if (known && known.board === null && t.board) setBoards.push({ tickerId: known.id, ticker: formatTicker(t), board: t.board })
    }
    const zh = target.shortNames.find((n) => HAN.test(n)) || target.fullNames.find((n) => HAN.test(n)) || ''
    const setNameZh = target.nameZh === '' && zh ? zh : null
    const base = { companyId: target.companyId, rows: target.rows, nameEn: target.nameEn, nameZh: target.nameZh }
    if (addTickers.length || setBoards.length || setNameZh || aliases.length)
      plan.updated.push({ ...base, addTickers, setBoards, setNameZh, addAliases: aliases })
    else plan.unchanged.push(base)
  }
  return plan
}
