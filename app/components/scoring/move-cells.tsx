import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { EvidenceRef, MoveKind } from '#app/scoring/moves.ts'

// One score change as table cells (cell, analyst, change, reason, evidence), shared by
// "what moved" and the meeting's moves slide so both read the same.

interface Named {
  nameEn: string
  nameZh: string
}

export interface MoveLike {
  kind: MoveKind
  analyst: string
  from: number | null
  to: number
  reason: string
  evidence: EvidenceRef[]
  modality?: Named
  dimension?: Named
}

export function MoveHeadCells() {
  const { t } = useI18n()
  return (
    <>
      <th scope="col">{t('scoring.moved.cell')}</th>
      <th scope="col">{t('scoring.moved.analyst')}</th>
      <th scope="col">{t('scoring.moved.change')}</th>
      <th scope="col">{t('scoring.moved.reason')}</th>
      <th scope="col">{t('scoring.editor.evidence')}</th>
    </>
  )
}

/** `maxEvidence` keeps a slide's rows short; the rest is counted. */
export function MoveCells({ move: m, maxEvidence = Infinity }: { move: MoveLike; maxEvidence?: number }) {
  const { t, locale } = useI18n()
  return (
    <>
      <td>
        {m.modality ? localName(locale, m.modality) : '?'} × {m.dimension ? localName(locale, m.dimension) : '?'}
      </td>
      <td>{m.analyst}</td>
      <td className={`level-change move-${m.kind}`}>
        {m.from == null ? '–' : m.from} → {m.to} <span className="small">{labelOf(t, 'scoring.moved.kind', m.kind)}</span>
      </td>
      <td>{m.reason || <span className="muted">{t('scoring.moved.noReason')}</span>}</td>
      <td>
        {m.evidence.length ? (
          <ul className="evidence-list">
            {m.evidence.slice(0, maxEvidence).map((e) => (
              <li key={`${e.documentId ?? ''}:${e.mentionId ?? ''}`}>
                {e.documentId ? <a href={`/documents/${e.documentId}`}>{e.title}</a> : e.title}
              </li>
            ))}
            {m.evidence.length > maxEvidence ? <li className="muted">+{m.evidence.length - maxEvidence}</li> : null}
          </ul>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
    </>
  )
}
