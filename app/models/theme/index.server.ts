// The public face of this folder: code outside app/models imports only this module.
export * from './data-exhaustion.server.ts'
export * from './theme.server.ts'
export * from './theme-actions.server.ts'
export * from './theme-companies.server.ts'
export * from './theme-edit.server.ts'
export * from './theme-history.server.ts'
export * from './theme-points.server.ts'
export * from './theme-segments.server.ts'
