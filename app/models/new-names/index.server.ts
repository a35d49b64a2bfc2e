// The public face of this folder: code outside app/models imports only this module.
export * from './new-name-collect.server.ts'
export * from './new-name-decisions.server.ts'
export * from './new-name-queries.server.ts'
