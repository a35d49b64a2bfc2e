import type { Kysely } from 'kysely'

import type { DatabaseKind } from '#db/connection.ts'
import type { Database } from '#db/types.ts'

// What the server hands every loader and action (getLoadContext in app/server.ts).
// Routes pass context.db to models; only models query it.
export interface AppContext {
  db: Kysely<Database>
  dbKind: DatabaseKind
  sessionSecret: string
  clientIp: string
  /** The app's public address (PUBLIC_URL), for links that leave the app (invitations). */
  publicUrl?: string
  /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
  cspNonce?: string
}

declare module '@remix-run/node' {
  interface AppLoadContext extends AppContext {}
}
