/**
 * Leftmost-longest, non-overlapping selection, fed candidates as the scan finds them:
 * in order of end position, and for one end from the longest to the shortest.
 *
 * A new span [start, end) is compared with the earliest already chosen span that it
 * overlaps. If it starts at or before that span it is the leftmost-longest choice there,
 * so it replaces every chosen span it overlaps; otherwise it loses. Any later candidate
 * ends at or after every chosen span, so a span only ever loses to one that starts no
 * later and ends no earlier: the result equals "take the longest match at the leftmost
 * start, continue after it". Comparing with the EARLIEST overlapped span (not just the
 * last) matters: with AB, BCD and CD over "ABCD", BCD must lose to AB and leave CD in.
 */
export class SpanSelector {
  readonly starts: number[] = []
  readonly ends: number[] = []
  readonly items: number[] = []

  get count(): number {
    return this.starts.length
  }

  /** Returns whether the span was taken (for now: a later, longer span may replace it). */
  offer(start: number, end: number, item: number): boolean {
    const { starts, ends, items } = this
    let first = starts.length
    while (first > 0 && ends[first - 1] > start) first--
    if (first < starts.length) {
      if (start > starts[first]) return false
      starts.length = ends.length = items.length = first
    }
    starts.push(start)
    ends.push(end)
    items.push(item)
    return true
  }
}
