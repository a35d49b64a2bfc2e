import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'

// Expected refusals of the scoring models. Routes turn one into a 4xx with the message key
// next to `field`; nothing is stored when one is thrown (it aborts the transaction).

export const SCORING_REFUSALS = {
  themeNotFound: { key: 'scoring.error.themeNotFound', status: 404 },
  noRubric: { key: 'scoring.error.noRubric', status: 409 },
  unknownModality: { key: 'scoring.error.unknownModality', status: 400 },
  unknownDimension: { key: 'scoring.error.unknownDimension', status: 400 },
  levelOutsideRubric: { key: 'scoring.error.levelOutsideRubric', status: 400 },
  futureWeek: { key: 'scoring.error.futureWeek', status: 400 },
  weekLocked: { key: 'scoring.error.weekLocked', status: 409 },
  reasonRequired: { key: 'scoring.error.reasonRequired', status: 400 },
  evidenceNotFound: { key: 'scoring.error.evidenceNotFound', status: 400 },
  tooMuchEvidence: { key: 'scoring.error.tooMuchEvidence', status: 400 },
  futureDate: { key: 'scoring.error.futureDate', status: 400 },
  rubricNotFound: { key: 'scoring.error.rubricNotFound', status: 404 },
  rubricSuperseded: { key: 'scoring.error.rubricSuperseded', status: 409 },
  slugTaken: { key: 'scoring.error.slugTaken', status: 409 },
  levelsInvalid: { key: 'scoring.error.levelsInvalid', status: 400 },
  notFound: { key: 'error.notFound', status: 404 },
  notReopened: { key: 'scoring.error.notReopened', status: 409 },
  notLocked: { key: 'scoring.error.notLocked', status: 409 },
  nothingToWithdraw: { key: 'withdraw.nothing', status: 404 },
} as const satisfies RefusalTable<string>

export type ScoringRefusal = keyof typeof SCORING_REFUSALS

export class ScoringError extends Refusal {
  declare readonly reason: ScoringRefusal

  constructor(reason: ScoringRefusal, field?: string) {
    super(reason, refusalFrom(SCORING_REFUSALS, reason, field))
  }
}
