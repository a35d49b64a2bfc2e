import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'

import { FormError } from '#app/components/form.tsx'
import { type EditorPick, type ScoreActionResult, ScoreEditor } from '#app/components/scoring/score-editor.tsx'
import { ScoreGrid } from '#app/components/scoring/score-grid.tsx'
import { ScoringNav } from '#app/components/scoring/scoring-nav.tsx'
import { type CellData, cellKeyOf, reasonRequired } from '#app/components/scoring/types.ts'
import { WeekBar } from '#app/components/scoring/week-bar.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { badRequest, parseForm, readFormOrRefusal } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { requireScoringWeek } from '#app/http/week-param.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  currentTeamWeek,
  getDisagreementRule,
  getDisagreementThreshold,
  getMyScores,
  getWeekLock,
  listConsensus,
  listDimensions,
  listModalities,
  relockWeek,
  reopenWeek,
  saveScore,
  searchEvidence,
  withdrawScore,
} from '#app/models/scoring/index.server.ts'
import { ScoreFormSchema } from '#app/schemas/scoring.ts'
import styles from '#app/styles/scoring.css'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import { roleAllows } from '#app/utils/permissions.ts'

// The weekly scoring page: a modality x dimension grid for one ISO week (this week by
// default); the selected cell's editor beside it. Saves go through per-cell fetchers (no
// reload); every form also works as a plain post.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.theme, 'scoring.nav.scores')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  const user = await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const url = new URL(request.url)
  const currentWeek = await currentTeamWeek(context.db)
  const week = requireScoringWeek(url.searchParams.get('week'), currentWeek)
  const [lock, modalities, dimensions, my, threshold, rule] = await Promise.all([
    getWeekLock(context.db, theme.id, week, currentWeek),
    listModalities(context.db, theme.id, { week }),
    listDimensions(context.db, theme.id, { week }),
    getMyScores(context.db, theme.id, user.id, week),
    getDisagreementThreshold(context.db),
    getDisagreementRule(context.db),
  ])
  const weekBefore = shiftIsoWeek(week, -1)
  const team = rubric
    ? await listConsensus(context.db, theme.id, { rubricSlug: rubric.slug, fromWeek: weekBefore, toWeek: week }, rule)
    : []
  const cells: Record<string, CellData> = {}
  for (const m of modalities) {
    for (const d of dimensions) {
      const mine = my.mine.find((s) => s.modalityId === m.id && s.dimensionId === d.id)
      const previous = my.previous.find((s) => s.modalityId === m.id && s.dimensionId === d.id)
      const consensus = team.find((c) => c.modalityId === m.id && c.dimensionId === d.id && c.week === week)
      const before = consensus ? undefined : team.find((c) => c.modalityId === m.id && c.dimensionId === d.id && c.week === weekBefore)
      cells[cellKeyOf(m, d)] = {
        key: cellKeyOf(m, d),
        mine: mine
          ? {
              level: mine.level,
              reason: mine.reason,
              evidence: mine.evidence,
              updatedAt: mine.updatedAt.toISOString(),
              firstSavedAt: mine.createdAt.toISOString(),
              sameScale: mine.rubricSlug === rubric?.slug,
            }
          : null,
        previous: previous ? { level: previous.level, week: previous.week, sameScale: previous.rubricSlug === rubric?.slug } : null,
        team: consensus
          ? {
              median: consensus.median,
              count: consensus.count,
              min: consensus.min,
              max: consensus.max,
              iqr: consensus.iqr,
              withinOne: consensus.withinOne,
              disagreement: consensus.disagreement,
            }
          : null,
        teamBefore: before ? { week: weekBefore, median: before.median, count: before.count } : null,
      }
    }
  }
  const cellParam = url.searchParams.get('cell')
  const selected = cellParam && cells[cellParam] ? cellParam : null
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  const search = selected && q ? { q, ...(await searchEvidence(context.db, theme.id, q)) } : null
  return json({
    theme,
    rubric,
    week,
    lock,
    modalities: modalities.map(({ id, slug, nameEn, nameZh }) => ({ id, slug, nameEn, nameZh })),
    dimensions: dimensions.map(({ id, slug, nameEn, nameZh }) => ({ id, slug, nameEn, nameZh })),
    cells,
    selected,
    search,
    threshold,
    canScore: roleAllows(user.role, 'analyst'),
    isAdmin: user.role === 'admin',
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const { theme } = await requireScoringTheme(context, params.slug)
  const form = await readFormOrRefusal(request)
  if (form instanceof Response) return form
  const values = echoValues(form)
  const cell = `${values.modality ?? ''}.${values.dimension ?? ''}`
  const parsed = await parseForm(request, ScoreFormSchema, form)
  if (!parsed.ok) return badRequest({ ...parsed, cell } as typeof parsed)
  const input = parsed.data
  const actor = { id: user.id, ip: context.clientIp }
  try {
    if (input.intent === 'score') {
      const saved = await saveScore(context.db, actor, {
        themeId: theme.id,
        modality: input.modality,
        dimension: input.dimension,
        week: input.week,
        level: input.level,
        reason: input.reason,
        documentIds: input.documentId,
        mentionIds: input.mentionId,
      })
      return json({ ok: true as const, cell, outcome: saved.outcome, moved: saved.moved })
    }
    if (input.intent === 'withdraw') {
      const { intent: _, ...target } = input
      await withdrawScore(context.db, actor, { themeId: theme.id, ...target })
      return json({ ok: true as const, cell, outcome: 'withdrawn' as const, moved: false })
    }
    // Reopening a locked week is an administrator's call.
    await requireRole(request, context, 'admin')
    if (input.intent === 'reopen') await reopenWeek(context.db, actor, theme.id, input.week)
    else await relockWeek(context.db, actor, theme.id, input.week)
    return json({ ok: true as const, cell: null, outcome: null, moved: false })
  } catch (error) {
    return refusalResponse(error, values, { cell })
  }
}

export default function ScoringPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ScoreActionResult | undefined
  const { t, locale } = useI18n()
  const { theme, rubric, week, lock, modalities, dimensions, cells, canScore, isAdmin } = data
  const first = modalities[0] && dimensions[0] ? cellKeyOf(modalities[0], dimensions[0]) : null
  const [selected, setSelected] = useState<string | null>(
    data.selected ?? (actionData?.cell && cells[actionData.cell] ? actionData.cell : first),
  )
  // A digit picked a level (saved at once unless a reason is needed) or Enter was pressed:
  // the editor applies it once, then clears it.
  const [pick, setPick] = useState<EditorPick | null>(null)
  const editable = canScore && lock.state === 'open' && rubric != null
  const base = `/themes/${theme.slug}/scores`
  const hrefFor = (key: string) => `${base}?week=${week}&cell=${key}`
  const [modalitySlug, dimensionSlug] = (selected ?? '').split('.')
  const modality = modalities.find((m) => m.slug === modalitySlug)
  const dimension = dimensions.find((d) => d.slug === dimensionSlug)
  const cell = selected ? cells[selected] : undefined
  const scoredCount = Object.values(cells).filter((c) => c.mine).length
  // A locked week says why once, above the grid; the editor repeats only the other reasons.
  const readOnly = !canScore
    ? t('scoring.readOnly.viewer')
    : lock.state === 'locked'
      ? null
      : !rubric
        ? t('scoring.readOnly.noRubric')
        : null

  return (
    <div className="stack scoring-page">
      <ScoringNav theme={theme} week={week} />
      <header className="scoring-header">
        <h1>{t('scoring.title', { week })}</h1>
        <p className="muted small">
          {rubric ? t('scoring.rubricLine', { name: localName(locale, rubric), version: rubric.version }) : null}
          {canScore ? ` · ${t('scoring.progress', { done: scoredCount, total: Object.keys(cells).length })}` : null}
        </p>
      </header>
      <WeekBar lock={lock} path={base} isAdmin={isAdmin} />
      {lock.state === 'locked' ? (
        <p className="notice warn-notice week-locked-notice">{t('scoring.readOnly.locked', { meeting: lock.lastMeetingWeek ?? '' })}</p>
      ) : null}
      {actionData && !actionData.ok && !actionData.cell?.replace('.', '') ? (
        <FormError error={actionData.errors?.week ?? actionData.errors?.form} />
      ) : null}
      <p id="score-grid-help" className="muted small">
        {editable
          ? `${t('scoring.grid.help', { max: rubric?.levels.length ?? 5 })} ${t('withdraw.gridHelp')}`
          : t('scoring.grid.helpReadOnly')}
      </p>
      <div className="scoring-layout">
        <ScoreGrid
          modalities={modalities}
          dimensions={dimensions}
          cells={cells}
          levels={rubric?.levels ?? []}
          selected={selected}
          editable={editable}
          hrefFor={hrefFor}
          onSelect={setSelected}
          onEnter={(key) => setPick({ key, level: null, save: false, token: Date.now() })}
          onWithdraw={(key) => {
            setSelected(key)
            setPick({ key, level: null, save: false, withdraw: true, token: Date.now() })
          }}
          onPick={(key, level) => {
            setSelected(key)
            setPick({ key, level, save: !reasonRequired(cells[key], level), token: Date.now() })
          }}
        />
        {selected && modality && dimension ? (
          <ScoreEditor
            key={selected}
            slug={theme.slug}
            week={week}
            cellKey={selected}
            modality={modality}
            dimension={dimension}
            cell={cell}
            levels={rubric?.levels ?? []}
            editable={editable}
            readOnlyReason={readOnly}
            pick={pick?.key === selected ? pick : null}
            onPickHandled={() => setPick(null)}
            search={data.search}
            actionResult={actionData?.cell === selected ? actionData : undefined}
            onDone={() => document.querySelector<HTMLElement>(`[data-cell="${selected}"]`)?.focus()}
          />
        ) : null}
      </div>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
