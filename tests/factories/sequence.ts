// One counter for every factory in a test file: each call gets a number of its own, so
// default names, slugs and tickers never collide within a database.
let seq = 0

export function nextSeq(): number {
  seq += 1
  return seq
}
