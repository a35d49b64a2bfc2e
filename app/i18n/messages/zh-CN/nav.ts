import type { en } from '../en/nav.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'nav.home': '主题',
  'nav.companies': '公司',
  'nav.watchlists': '观察名单',
  'nav.search': '搜索',
  'nav.searchShort': '搜索…',
  'nav.searchPlaceholder': '公司、代码、别名或主题',
  'nav.documents': '文档',
  'nav.feeds': '订阅源',
  'nav.meeting': '周会',
  'nav.admin': '管理',
  'nav.users': '成员',
  'nav.audit': '审计日志',
  'nav.settings': '设置',
  'nav.signIn': '登录',
  'nav.signOut': '退出',
  'nav.skipToContent': '跳到正文',
  'nav.language': '语言',
  'nav.switchTo': 'English',
  'nav.signedInAs': '当前用户：{name}（{role}）',
}
