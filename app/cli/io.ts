import type { Connection } from '#db/connection.ts'

/** What a command may touch: tests pass their own writers, environment and database. */
export interface CliIo {
  stdout(line: string): void
  stderr(line: string): void
  env: Record<string, string | undefined>
  /** Defaults to the app's database from env (DATABASE_URL or PGlite under DATA_DIR). */
  openDatabase?: () => Promise<Connection>
}
