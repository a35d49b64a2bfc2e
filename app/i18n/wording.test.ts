import { describe, expect, it } from 'vitest'

import { translate } from './messages.server.ts'

// Wording the team asked for in issue 16: how a company relates to a theme reads as
// 关联度 (relevance), not 暴露 (which reads as "exposed", as in a scandal); and the
// score editor's "no earlier score" says before this week, not a vague 此前 with no object.
describe('Chinese wording', () => {
  it('calls exposure levels 高/中/低关联度', () => {
    expect((['exposure.high', 'exposure.medium', 'exposure.low'] as const).map((key) => translate('zh-CN', key))).toEqual([
      '高关联度',
      '中关联度',
      '低关联度',
    ])
  })

  it('says a cell had no score from you before this week', () => {
    expect(translate('zh-CN', 'scoring.editor.noPrevious')).toBe('本周之前你没有评过这一项')
  })
})
