// The public face of this folder: code outside app/models imports only this module.
export * from './watchlist.server.ts'
export * from './watchlist-company-match.server.ts'
export * from './watchlist-entries.server.ts'
export * from './watchlist-history.server.ts'
export * from './watchlist-import.server.ts'
export * from './watchlist-import-rows.server.ts'
