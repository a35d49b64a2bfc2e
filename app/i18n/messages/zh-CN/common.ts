import type { en } from '../en/common.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'common.save': '保存',
  'common.cancel': '取消',
  'common.none': '无',
  'common.yes': '是',
  'common.no': '否',
  'common.back': '返回',
  'common.week': '第 {week} 周',
  'common.currentWeek': '本周：{week}',
  'common.notes': '备注',
  'common.saved': '已保存。',
  'common.optional': '选填',
  'common.loading': '加载中…',
}
