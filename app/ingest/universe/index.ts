// Company universes from the lists teams already have (issue 13): the SEC's JSON, HKEX's
// list of securities, the SSE, SZSE and BSE stock lists, Wind, Choice and iFinD exports,
// and our own template. Pure parsing: the registry side is app/models/company/company-universe.server.ts.
export { boardFromCode, boardOf } from './board.ts'
export { detectLayout } from './columns.ts'
export { cleanName, derivedAliasProblem, deriveShortNames, ordinaryWord, stripListingMarks } from './names.ts'
export { parseSec } from './parse-sec.ts'
export { parseSheet } from './parse-sheet.ts'
export type { ParsedUniverse, UniverseFormat, UniverseRecord, UniverseSkip, UniverseSkipReason, UniverseTicker } from './types.ts'
