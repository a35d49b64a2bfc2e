import type { en } from '../en/meeting.themes.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'meeting.themes.pick': '本次周会的主题（另有 {count} 个）',
  'meeting.themes.legend': '在本主题之后还讨论：',
  'meeting.themes.save': '保存主题',
  'meeting.themes.part': '第 {n} 个主题，共 {count} 个',
  'meeting.themes.unknown': '所选主题中有的不存在或已归档。',
}
