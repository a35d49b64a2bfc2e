import type { en } from '../en/scoring.moved.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'scoring.moved.title': '{week} 变动',
  'scoring.moved.scorers': '已评分分析师：{count}',
  'scoring.moved.newCount': '首次评分：{count}',
  'scoring.moved.asOfEnd': '按周末时的状态（忽略之后的修改）',
  'scoring.moved.asOfNote': '为 {when} 时的评分。',
  'scoring.moved.changes': '与 {previous} 相比的变化',
  'scoring.moved.none': '本周没有变动：没有分析师调整等级。',
  'scoring.moved.cell': '模态 × 维度',
  'scoring.moved.analyst': '分析师',
  'scoring.moved.change': '等级',
  'scoring.moved.reason': '理由',
  'scoring.moved.savedAt': '保存时间',
  'scoring.moved.noReason': '未填写理由',
  'scoring.moved.kind.up': '上调',
  'scoring.moved.kind.down': '下调',
  'scoring.moved.kind.new': '首次评分',
  'scoring.moved.kind.rescaled': '更换标准',
}
