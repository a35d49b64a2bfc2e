import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

import { fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'
import type { EvidenceRef } from '#app/scoring/moves.ts'

import { EvidencePicker, type EvidenceResults } from './evidence-picker.tsx'
import { type CellData, type GridAxis, type GridLevel, reasonRequired, referenceLevel } from './types.ts'
import { WithdrawButton, withdrawFields } from './withdraw-button.tsx'

// The selected cell's editor, beside the grid: every level with its anchored description,
// the one-line reason (required when the level moves) and the evidence. It posts through
// the cell's fetcher, so the page is not reloaded; without JavaScript it is a plain form.

/** A level picked in the grid (with a digit) or Enter pressed there, for the editor to apply once. */
export interface EditorPick {
  key: string
  level: number | null
  /** No reason is needed: save at once. */
  save: boolean
  /** Delete or Backspace: withdraw the score once the analyst confirms. */
  withdraw?: boolean
  token: number
}

export interface ScoreActionResult {
  ok: boolean
  cell?: string
  outcome?: 'created' | 'replaced' | 'unchanged' | 'withdrawn'
  errors?: Record<string, string>
  values?: Record<string, string>
}

interface Props {
  slug: string
  week: string
  cellKey: string
  modality: GridAxis
  dimension: GridAxis
  cell: CellData | undefined
  levels: GridLevel[]
  editable: boolean
  readOnlyReason: string | null
  pick: EditorPick | null
  onPickHandled: () => void
  search: (EvidenceResults & { q: string }) | null
  actionResult: ScoreActionResult | undefined
  onDone: () => void
}

export function ScoreEditor({
  slug,
  week,
  cellKey,
  modality,
  dimension,
  cell,
  levels,
  editable,
  readOnlyReason,
  pick,
  onPickHandled,
  search,
  actionResult,
  onDone,
}: Props) {
  const { t, locale } = useI18n()
  const fetcher = useFetcher<ScoreActionResult>({ key: `score:${cellKey}` })
  const [level, setLevel] = useState<number | null>(
    actionResult?.values?.level ? Number(actionResult.values.level) : (cell?.mine?.level ?? null),
  )
  const [reason, setReason] = useState(actionResult?.values?.reason ?? cell?.mine?.reason ?? '')
  const [evidence, setEvidence] = useState<EvidenceRef[]>(cell?.mine?.evidence ?? [])
  const reasonRef = useRef<HTMLInputElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const action = `/themes/${slug}/scores?week=${week}&cell=${cellKey}`
  const withdrawTarget = { action, cellKey, modality: modality.slug, dimension: dimension.slug, week }
  // After a save the page's data holds the stored score: show it. (Not a remount, so the
  // evidence search box keeps what is being typed in it.)
  const savedAt = cell?.mine?.updatedAt
  const shownSavedAt = useRef(savedAt)
  useEffect(() => {
    if (savedAt === shownSavedAt.current) return
    shownSavedAt.current = savedAt
    setLevel(cell?.mine?.level ?? null)
    setReason(cell?.mine?.reason ?? '')
    setEvidence(cell?.mine?.evidence ?? [])
    // Only a new save resets the fields: typing must not be overwritten by a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedAt])
  useEffect(() => {
    if (!pick || !formRef.current) return
    onPickHandled()
    if (pick.withdraw) {
      if (editable && cell?.mine && window.confirm(t('withdraw.confirm', { level: cell.mine.level })))
        fetcher.submit(withdrawFields(withdrawTarget), { method: 'post', action })
      return
    }
    if (pick.level != null) setLevel(pick.level)
    if (pick.save && pick.level != null && editable) {
      const form = new FormData(formRef.current)
      form.set('level', String(pick.level))
      fetcher.submit(form, { method: 'post', action })
    } else {
      reasonRef.current?.focus()
    }
    // Apply each pick once (its token), not again when other props change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pick?.token])

  const result = fetcher.data ?? actionResult
  const saving = fetcher.state !== 'idle'
  const errors = result && !result.ok ? (result.errors ?? {}) : {}
  const needsReason = level != null && reasonRequired(cell, level)
  const reference = referenceLevel(cell)
  const title = `${localName(locale, modality)} × ${localName(locale, dimension)}`

  return (
    <section className="card score-editor" aria-labelledby="score-editor-title">
      <h2 id="score-editor-title">{title}</h2>
      <p className="muted small">
        {cell?.previous
          ? t('scoring.editor.previous', { level: cell.previous.level, week: cell.previous.week })
          : t('scoring.editor.noPrevious')}
        {' · '}
        {cell?.team
          ? t('scoring.editor.team', {
              median: formatLevel(cell.team.median),
              min: cell.team.min,
              max: cell.team.max,
              count: cell.team.count,
            }) + `; ${t('consensus.editorSpread', { iqr: formatLevel(cell.team.iqr), share: Math.round(cell.team.withinOne * 100) })}`
          : cell?.teamBefore
            ? t('scoring.editor.teamBefore', {
                median: formatLevel(cell.teamBefore.median),
                week: cell.teamBefore.week,
                count: cell.teamBefore.count,
              })
            : t('scoring.editor.noTeam')}
      </p>
      {readOnlyReason ? <p className="notice warn-notice">{readOnlyReason}</p> : null}
      <fetcher.Form
        ref={formRef}
        method="post"
        action={action}
        className="stack score-form"
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      >
        <input type="hidden" name="intent" value="score" />
        <input type="hidden" name="modality" value={modality.slug} />
        <input type="hidden" name="dimension" value={dimension.slug} />
        <input type="hidden" name="week" value={week} />
        <fieldset className="level-options" disabled={!editable}>
          <legend>{t('scoring.editor.level')}</legend>
          {levels.map((l) => (
            <label key={l.level} className={`level-option${level === l.level ? ' is-chosen' : ''}`}>
              <input type="radio" name="level" value={l.level} checked={level === l.level} required onChange={() => setLevel(l.level)} />
              <span>
                <strong>
                  {l.level} · {localName(locale, l)}
                </strong>
                <span className="level-description">
                  {locale === 'zh-CN' ? l.descriptionZh || l.descriptionEn : l.descriptionEn || l.descriptionZh}
                </span>
              </span>
            </label>
          ))}
          {errors.level ? <p className="field-error">{fieldError(t, errors.level)}</p> : null}
        </fieldset>
        <div className={`field${errors.reason ? ' has-error' : ''}`}>
          <label htmlFor="score-reason">
            {t('scoring.editor.reason')}{' '}
            <span className="muted small">
              {needsReason ? t('scoring.editor.reasonRequired', { from: reference ?? '' }) : t('common.optional')}
            </span>
          </label>
          <input
            ref={reasonRef}
            id="score-reason"
            name="reason"
            maxLength={500}
            value={reason}
            required={needsReason}
            disabled={!editable}
            autoComplete="off"
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? 'score-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {errors.reason ? (
            <p className="field-error" id="score-reason-error" role="alert">
              {fieldError(t, errors.reason)}
            </p>
          ) : null}
        </div>
        <div className="row-form save-row">
          <button type="submit" className="primary" disabled={!editable || saving}>
            {saving ? t('scoring.editor.saving') : t('common.save')}
          </button>
          <p className="small" role="status" aria-live="polite">
            {!saving && result?.ok && result.cell === cellKey
              ? t(
                  result.outcome === 'withdrawn'
                    ? 'withdraw.done'
                    : result.outcome === 'unchanged'
                      ? 'scoring.editor.unchanged'
                      : 'scoring.editor.saved',
                )
              : null}
            {!saving && errors.form ? <span className="field-error">{fieldError(t, errors.form)}</span> : null}
            {!saving && (errors.week || errors.modality || errors.dimension) ? (
              <span className="field-error">{fieldError(t, errors.week ?? errors.modality ?? errors.dimension)}</span>
            ) : null}
          </p>
        </div>
        <fieldset className="evidence-chosen" disabled={!editable}>
          <legend>{t('scoring.editor.evidence')}</legend>
          {evidence.length === 0 ? <p className="muted small">{t('scoring.editor.noEvidence')}</p> : null}
          {evidence.map((e) => (
            <label key={`${e.documentId ?? ''}:${e.mentionId ?? ''}`} className="evidence-item">
              <input
                type="checkbox"
                name={e.documentId ? 'documentId' : 'mentionId'}
                value={e.documentId ?? e.mentionId ?? ''}
                checked
                onChange={() => setEvidence((list) => list.filter((x) => x !== e))}
              />
              {e.title}
            </label>
          ))}
          {/* Search results from a plain (no JavaScript) search: tick to add. */}
          {searchCandidates(search, evidence).map((e) => (
            <label key={`found:${e.documentId ?? ''}:${e.mentionId ?? ''}`} className="evidence-item is-candidate">
              <input
                type="checkbox"
                name={e.documentId ? 'documentId' : 'mentionId'}
                value={e.documentId ?? e.mentionId ?? ''}
                checked={false}
                onChange={() => setEvidence((list) => [...list, e])}
              />
              {e.title}
            </label>
          ))}
          {errors.evidence || errors.documentId || errors.mentionId ? (
            <p className="field-error">{fieldError(t, errors.evidence ?? errors.documentId ?? errors.mentionId)}</p>
          ) : null}
        </fieldset>
      </fetcher.Form>
      {editable && cell?.mine ? <WithdrawButton target={withdrawTarget} level={cell.mine.level} disabled={saving} /> : null}
      {editable ? (
        <EvidencePicker
          slug={slug}
          week={week}
          cellKey={cellKey}
          q={search?.q ?? ''}
          chosen={evidence}
          onAdd={(item) =>
            setEvidence((list) =>
              list.some((x) => x.documentId === item.documentId && x.mentionId === item.mentionId) ? list : [...list, item],
            )
          }
        />
      ) : null}
    </section>
  )
}

function searchCandidates(search: EvidenceResults | null, chosen: EvidenceRef[]): EvidenceRef[] {
  if (!search) return []
  const found: EvidenceRef[] = [
    ...search.documents.map((d) => ({ documentId: d.id, mentionId: null, title: d.title })),
    ...search.mentions.map((m) => ({ documentId: null, mentionId: m.id, title: `${m.alias} · ${m.title}` })),
  ]
  return found.filter((f) => !chosen.some((c) => c.documentId === f.documentId && c.mentionId === f.mentionId))
}
