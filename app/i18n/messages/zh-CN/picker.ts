import type { en } from '../en/picker.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'picker.hint': '用 ↑ ↓ 选择，回车确定，Esc 关闭。',
  'picker.results': '{count} 家公司匹配',
  'picker.noMatch': '没有与“{text}”匹配的公司。',
  'picker.create': '新建公司“{text}”',
  'picker.createHint': '在新标签页打开新建公司表单',
}
