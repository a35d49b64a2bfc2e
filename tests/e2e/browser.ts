import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { type Browser, chromium } from 'playwright-core'

export const ARTIFACTS = path.resolve('tests/e2e/artifacts')

// Debian's chromium, with the flags that keep it off the (closed) network.
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export function artifact(name: string): string {
  return path.join(ARTIFACTS, name)
}
