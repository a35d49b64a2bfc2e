export const en = {
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.back': 'Back',
  'common.week': 'Week {week}',
  'common.currentWeek': 'This week: {week}',
  'common.notes': 'Notes',
  'common.saved': 'Saved.',
  'common.optional': 'optional',
  'common.loading': 'Loading…',
}

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
