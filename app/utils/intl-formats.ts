// Intl formatters, made once per (locale, options) and reused. Building an
// Intl.DateTimeFormat costs far more than formatting with it (tens of microseconds
// against one), and a page of score rows or slides formats thousands of dates and
// zone offsets; a formatter never changes, so sharing one is safe.

const MAX_FORMATS = 256
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let format = cache.get(key)
  if (!format) {
    format = make()
    // The keys are locales, time zones and a handful of option sets: this bound is only a guard.
    if (cache.size >= MAX_FORMATS) cache.clear()
    cache.set(key, format)
  }
  return format
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return remember(dateFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options))
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return remember(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}
