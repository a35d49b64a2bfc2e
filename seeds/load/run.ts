import type { Transaction } from 'kysely'

import type { Database } from '#db/types.ts'

// Shared by the demo loaders: the transaction they all write through, a count of the
// rows they created, and natural key -> id maps for resolving references.

export type Ids = Map<string, number>

export interface Run {
  trx: Transaction<Database>
  created: number
}

/** The id of a row just inserted (and counted), or of the row that was already there. */
export async function insertedOrExisting(
  run: Run,
  inserted: { id: number } | undefined,
  existing: () => Promise<{ id: number } | undefined>,
  what: string,
): Promise<number> {
  if (inserted) {
    run.created += 1
    return inserted.id
  }
  const row = await existing()
  if (!row) throw new Error(`demo seed: ${what} neither inserted nor found`)
  return row.id
}

export async function insertCounted(run: Run, insert: Promise<{ id: number }>): Promise<number> {
  const { id } = await insert
  run.created += 1
  return id
}

export function lookup(ids: Ids, key: string, what: string): number {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`)
  return id
}
