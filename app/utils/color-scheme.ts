// Light, dark, or the system's choice: a reader's preference, kept in a cookie so the
// server renders the page (and the meeting's chart images) in it from the first byte.
export const COLOR_SCHEMES = ['system', 'light', 'dark'] as const
export type ColorScheme = (typeof COLOR_SCHEMES)[number]

export function isColorScheme(value: unknown): value is ColorScheme {
  return typeof value === 'string' && (COLOR_SCHEMES as readonly string[]).includes(value)
}

/** What the toggle switches to next: system -> dark -> light -> system. */
export function nextColorScheme(scheme: ColorScheme): ColorScheme {
  return scheme === 'system' ? 'dark' : scheme === 'dark' ? 'light' : 'system'
}
