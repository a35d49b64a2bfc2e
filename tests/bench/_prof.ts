import { buildMentionMatcher } from '#app/mentions/index.ts'
import { getFoldTables } from '#app/mentions/fold.ts'
let t = performance.now(); getFoldTables(); console.log('tables', performance.now() - t)
const aliases = Array.from({ length: 10_000 }, (_, i) => ({ id: i, companyId: i % 2000, text: i % 2 ? `Company${i} Labs` : `公司名${String.fromCharCode(0x4e00 + (i % 5000))}${i}`, language: 'any' as const, kind: 'name' as const, caseSensitive: false, isAmbiguous: false }))
for (let r = 0; r < 3; r++) { t = performance.now(); buildMentionMatcher(aliases); console.log('build', performance.now() - t) }
