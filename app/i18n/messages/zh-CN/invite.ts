import type { en } from '../en/invite.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'invite.acceptTitle': '加入 ThemeRadar',
  'invite.acceptIntro': '您以「{role}」身份受邀，邮箱为 {email}。请设置姓名和密码。',
  'invite.acceptSubmit': '创建我的账号',
  'invite.invalid': '该邀请链接无效：已被使用、已撤销或已过期（有效期 7 天）。请联系管理员重新邀请。',
}
