import type { CompanyMentionCount, Mention } from './types.ts'

/** Mentions per company, most mentioned first (ties by company id, for stable output). */
export function summariseByCompany(mentions: readonly Pick<Mention, 'companyId'>[]): CompanyMentionCount[] {
  const counts = new Map<number, number>()
  for (const { companyId } of mentions) counts.set(companyId, (counts.get(companyId) ?? 0) + 1)
  return [...counts].map(([companyId, count]) => ({ companyId, count })).sort((a, b) => b.count - a.count || a.companyId - b.companyId)
}
