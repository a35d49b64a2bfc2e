import type { en } from '../en/setup.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'setup.title': '初始化 ThemeRadar',
  'setup.intro': '当前安装还没有任何账号。请先创建第一位管理员，之后再邀请团队其他成员。',
  'setup.submit': '创建管理员',
  'setup.done': 'ThemeRadar 已完成初始化，请直接登录。',
}
