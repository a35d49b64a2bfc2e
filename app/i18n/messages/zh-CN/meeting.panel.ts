import type { en } from '../en/meeting.panel.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'meeting.panel.open': '纪要（N）',
  'meeting.panel.close': '关闭（Esc）',
}
