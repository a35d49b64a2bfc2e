// Dates as files carry them -> the calendar date as written (YYYY-MM-DD), or null.
// The date part is taken as written, never shifted to UTC: "2024-03-05T08:00+08:00" is
// the 5th where the report was published, which is the date people quote.

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2200) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function fromParts(year: string, month: string, day: string): string | null {
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isValidIsoDate(value) ? value : null
}

/** ISO 8601 and similar (2024-03-05, 2024/3/5, 2024-03-05T08:00:00Z, 2024年3月5日). */
export function parseLooseDate(value: string): string | null {
  const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value.trim())
  return match ? fromParts(match[1], match[2], match[3]) : null
}

/** A PDF date string, D:YYYYMMDDHHmmSS+HH'mm'; one without a day is no date to us. */
export function parsePdfDate(value: string | null | undefined): string | null {
  if (!value) return null
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim())
  return match ? fromParts(match[1], match[2], match[3]) : null
}
