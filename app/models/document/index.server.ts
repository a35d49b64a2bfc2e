// The public face of this folder: code outside app/models imports only this module.
export * from './bulk-upload.server.ts'
export * from './document.server.ts'
export * from './document-edit.server.ts'
export * from './document-jobs.server.ts'
export * from './document-merge.server.ts'
export * from './document-queries.server.ts'
export * from './document-rescan.server.ts'
export * from './document-tags.ts'
