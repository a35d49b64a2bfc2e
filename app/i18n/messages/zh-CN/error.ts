import type { en } from '../en/error.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'error.notFoundTitle': '未找到',
  'error.notFound': '这个地址没有内容。',
  'error.forbiddenTitle': '无权操作',
  'error.forbidden': '您的角色（{role}）不能执行此操作。如需权限，请联系管理员。',
  'error.badRequestTitle': '请检查表单',
  'error.serverTitle': '出错了',
  'error.server': '页面无法显示。错误已记录，请稍后重试。',
  'error.goHome': '返回主题列表',
  'error.tooLarge': '表单内容过大。',
  'error.unavailableTitle': '暂时无法使用',
  'error.databaseUnavailable': '数据库暂时无法连接，请稍后再试。',
  'error.crossSiteTitle': '已拒绝：请求来自其他网站',
  'error.crossSite': '此表单是从其他网站或地址提交的，ThemeRadar 未予接受。请通过 ThemeRadar 自己的地址打开后重试。',
  'error.tooLargeTitle': '内容过大',
  'error.malformedForm': '无法读取表单内容。请刷新页面后重新提交。',
  'error.nulCharacter': '此字段包含无法保存的 NUL 字符（0x00），请删除后重试。',
}
