import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import path from 'node:path'

// PGlite is PostgreSQL in one process: two processes on one data directory corrupt it.
// It writes postmaster.pid while open and removes it on a clean close, but the pid inside
// is a placeholder (-42), so whether its owner still runs is found another way: on Linux,
// a live PGlite keeps files of the directory open, visible under /proc/<pid>/fd.

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pids: number[],
  ) {
    super(
      pids.length > 0
        ? `the database in ${dataDir} is in use by process ${pids.join(', ')} (is the ThemeRadar app running on the same DATA_DIR?). Stop it first, or point the app and this command at PostgreSQL with DATABASE_URL.`
        : `the database in ${dataDir} may be in use: ${path.join(dataDir, 'postmaster.pid')} exists and open files cannot be checked on this system. Stop the app first; if nothing is running, the last run did not shut down cleanly: start and stop the app once, or delete that file.`,
    )
    this.name = 'DataDirInUseError'
  }
}

/** Processes (other than this one) holding files under dir open; null when /proc is unavailable. */
export function processesUsing(dir: string): number[] | null {
  if (!existsSync('/proc/self/fd')) return null
  const prefix = path.resolve(dir) + path.sep
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue // gone, or another user's process
    }
    for (const fd of fds) {
      let target: string
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`)
      } catch {
        continue
      }
      if (target.startsWith(prefix)) {
        pids.push(Number(entry))
        break
      }
    }
  }
  return pids
}

/** Throws DataDirInUseError when another process has the PGlite directory open. */
export function assertDataDirFree(dir: string): void {
  if (!existsSync(path.join(dir, 'postmaster.pid'))) return
  const pids = processesUsing(dir)
  if (pids === null || pids.length > 0) throw new DataDirInUseError(dir, pids ?? [])
  // A stale postmaster.pid with no process behind it: PGlite recovers on open.
}
