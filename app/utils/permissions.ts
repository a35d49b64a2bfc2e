import type { Role } from '#db/types.ts'

// Routes may not import the database's types: they read the role type from here.
export type { Role }

export const ROLES = ['admin', 'analyst', 'viewer'] as const satisfies readonly Role[]
const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 }

/** Whether a role may do what needs `needed`: admin > analyst > viewer. */
export function roleAllows(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed]
}

/**
 * The least role each route's action needs, by route id (file name under app/routes).
 * 'anyone' routes work signed out (sign-in, setup, accepting an invite, language).
 * tests/authz.test.ts posts to every route that exports an action, as every role, and
 * fails when a route is missing here or lets a lesser role through.
 */
export const actionPolicy: Record<string, Role | 'anyone'> = {
  'routes/login': 'anyone',
  'routes/logout': 'anyone',
  'routes/setup': 'anyone',
  'routes/invite.$token': 'anyone',
  'routes/reset.$token': 'anyone',
  'routes/account.password': 'viewer',
  'routes/language': 'anyone',
  'routes/color-scheme': 'anyone',
  'routes/admin.users': 'admin',
  'routes/admin.settings': 'admin',
  'routes/admin.fetch': 'admin',
  'routes/admin.webhooks': 'admin',
  'routes/feeds': 'analyst',
  'routes/jobs.$id': 'analyst',
  'routes/companies.new': 'analyst',
  'routes/companies.import': 'analyst',
  'routes/companies.$id': 'analyst',
  'routes/watchlists._index': 'analyst',
  'routes/watchlists.$id': 'analyst',
  'routes/watchlists_.$id.import': 'analyst',
  'routes/themes.new': 'analyst',
  'routes/documents._index': 'analyst',
  'routes/documents.$id': 'analyst',
  'routes/mentions_.review': 'analyst',
  'routes/mentions_.new-names': 'analyst',
  'routes/mentions_.snooze': 'analyst',
  'routes/themes.$slug': 'analyst',
  'routes/themes_.$slug.scores': 'analyst',
  'routes/themes_.$slug.framework': 'analyst',
  'routes/themes_.$slug.sources': 'analyst',
  'routes/admin.rubrics': 'admin',
  'routes/admin.rubrics.$id': 'admin',
  'routes/meetings.$week': 'analyst',
}
