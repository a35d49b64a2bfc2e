// The public face of this folder: code outside app/models imports only this module.
export * from './company-mention-queries.server.ts'
export * from './document-mentions.server.ts'
export * from './mention-alert.server.ts'
export * from './mention-matcher.server.ts'
export * from './mention-rules.ts'
export * from './mention-stats.server.ts'
export * from './mention-rematch.server.ts'
