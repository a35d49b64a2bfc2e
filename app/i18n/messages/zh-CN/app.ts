import type { en } from '../en/app.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'app.name': 'ThemeRadar 主题雷达',
  'app.tagline': '投资主题、观察名单与模态成熟度，为每周例会准备',
}
