// The public face of this folder: code outside app/models imports only this module.
export * from './company.server.ts'
export * from './company-alias.server.ts'
export * from './company-conflicts.server.ts'
export * from './company-edit.server.ts'
export * from './company-lookup.server.ts'
export * from './company-ticker.server.ts'
export * from './search.server.ts'
export * from './company-universe.server.ts'
