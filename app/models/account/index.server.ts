// The public face of this folder: code outside app/models imports only this module.
export * from './demo-team.server.ts'
export * from './invite.server.ts'
export * from './password.server.ts'
export * from './password-policy.server.ts'
export * from './session.server.ts'
export * from './sign-in.server.ts'
export * from './sign-in-throttle.server.ts'
export * from './user.server.ts'
