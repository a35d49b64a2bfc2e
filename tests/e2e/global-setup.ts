import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startApp, TEMPLATE_DATA_DIR } from './app-server.ts'

// Every browser test file starts the app on a DATA_DIR of its own. Migrating and loading
// the demo into a fresh one is most of a start (12-15 s of 23 files' setup); do it once
// here and let startApp copy the result. The app is stopped with SIGTERM first, so the
// copy is a cleanly shut-down database.
export default async function setup() {
  const template = mkdtempSync(path.join(tmpdir(), 'themeradar-e2e-template-'))
  const app = await startApp({ DATA_DIR: template })
  await app.stop() // removes only the directory startApp made for itself, not DATA_DIR
  process.env[TEMPLATE_DATA_DIR] = template
  return () => rmSync(template, { recursive: true, force: true })
}
