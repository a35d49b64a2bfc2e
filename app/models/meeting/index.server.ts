// The public face of this folder: code outside app/models imports only this module.
export * from './meeting.server.ts'
export * from './meeting-activity.server.ts'
export * from './meeting-scores.server.ts'
export * from './meeting-view.server.ts'
