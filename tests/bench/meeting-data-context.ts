import type { Kysely, RawBuilder } from 'kysely'

import type { MeetingDataScale } from './meeting-data.ts'

// What the steps of the meeting data generator share (meeting-data.ts runs them in order).

export const MODALITIES = ['text', 'image', 'video', 'audio', '3d', 'any-to-any', 'embodied', 'agents'] as const
export const DIMENSIONS = ['technology', 'data', 'compute-cost', 'adoption-2b', 'adoption-2c'] as const
export const SOURCES = ['CICC', 'Soochow Securities', 'Epoch AI', 'Goldman Sachs', 'Morgan Stanley']

export interface GenContext {
  /** The one pinned connection the temp tables live on. */
  conn: Kysely<any>
  scale: MeetingDataScale
  /** Runs one insert and logs its row count and time. */
  step: (label: string, query: RawBuilder<unknown>) => Promise<void>
  /** A number as an SQL literal. */
  n: (value: number) => RawBuilder<unknown>
  /** The salt of bench_random for one purpose, fixed by the seed. */
  salt: (purpose: number) => RawBuilder<unknown>
  /** The number of weeks, as an SQL literal. */
  W: RawBuilder<unknown>
  /** When the first generated week starts (SQL). */
  firstAt: RawBuilder<unknown>
  /** Subqueries for the lead's user id, the rubric id and the theme id. */
  lead: RawBuilder<unknown>
  rubric: RawBuilder<unknown>
  theme: RawBuilder<unknown>
}
