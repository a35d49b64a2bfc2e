// ISO 8601 weeks ("2026-W48"): weeks start on Monday and week 1 holds the year's first
// Thursday. The team meets weekly, so the week (in the team's time zone) is the unit.

import { dateTimeFormat } from './intl-formats.ts'

export const ISO_WEEK_PATTERN = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/

/** The calendar date (y, m, d) of an instant in a time zone, e.g. Asia/Shanghai. */
export function calendarDateIn(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day') }
}

export function isoWeekOfDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day))
  const weekday = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday) // the Thursday of this week decides the year
  const weekYear = date.getUTCFullYear()
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7)
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}

export function isoWeekOf(instant: Date, timeZone = 'Asia/Shanghai'): string {
  const { year, month, day } = calendarDateIn(instant, timeZone)
  return isoWeekOfDate(year, month, day)
}

function weeksInYear(year: number): number {
  // A year has 53 ISO weeks when Dec 28 falls in week 53.
  return isoWeekOfDate(year, 12, 28).endsWith('53') ? 53 : 52
}

/** Parses "2026-W48"; null for anything that is not a real ISO week (2026-W60, 2025-W53). */
export function parseIsoWeek(value: string): { year: number; week: number } | null {
  const match = ISO_WEEK_PATTERN.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const week = Number(match[2])
  if (year < 1970 || year > 2200 || week > weeksInYear(year)) return null
  return { year, week }
}

/** Monday (UTC date) of an ISO week. */
export function mondayOfIsoWeek(value: string): Date {
  const parsed = parseIsoWeek(value)
  if (!parsed) throw new RangeError(`not an ISO week: ${value}`)
  const jan4 = new Date(Date.UTC(parsed.year, 0, 4))
  const monday = new Date(jan4)
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (parsed.week - 1) * 7)
  return monday
}

export function shiftIsoWeek(value: string, weeks: number): string {
  const monday = mondayOfIsoWeek(value)
  monday.setUTCDate(monday.getUTCDate() + weeks * 7)
  return isoWeekOfDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate())
}
