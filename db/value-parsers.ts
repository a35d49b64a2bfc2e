// One set of value parsers for both drivers, so a model returns the same JS values on
// PGlite and on PostgreSQL (pg gives int8/numeric as strings, PGlite int8 as bigint or
// number, and each turns `date` into a Date at a different midnight).
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
const BYTEA = 17

function toSafeNumber(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) {
    throw new RangeError(`integer ${value} does not fit a JS number`)
  }
  return n
}

export const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: toSafeNumber,
  [NUMERIC]: (value) => Number(value),
  [DATE]: (value) => value,
}

// PGlite's own bytea conversion goes byte by byte in JS (a 260 KB upload took ~100 ms);
// Buffer's hex codec is native. Values stay Uint8Array.
export const pgliteSerializers = {
  [BYTEA]: (value: Uint8Array) => {
    if (!(value instanceof Uint8Array)) throw new TypeError('bytea takes a Uint8Array')
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
  },
}

export const pgliteParsers: Record<number, (value: string) => unknown> = {
  ...parsers,
  // A Uint8Array of its own (not a view of Buffer's shared pool), so that sending it to
  // another thread copies the value and not the whole pool.
  [BYTEA]: (value: string) => {
    const bytes = Buffer.from(value.slice(2), 'hex')
    return bytes.byteLength === bytes.buffer.byteLength ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes)
  },
}
