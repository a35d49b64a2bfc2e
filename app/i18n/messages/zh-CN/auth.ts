import type { en } from '../en/auth.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'auth.signInTitle': '登录',
  'auth.email': '邮箱',
  'auth.password': '密码',
  'auth.passwordHint': '至少 12 个字符。',
  'auth.displayName': '姓名',
  'auth.submit': '登录',
  'auth.invalid': '邮箱或密码不正确。',
  'auth.disabled': '该账号已被停用，请联系管理员。',
  'auth.rateLimitedAccount': '该账号登录失败次数过多，请 {minutes} 分钟后再试。',
  'auth.rateLimitedIp': '您所在网络登录失败次数过多，请 {minutes} 分钟后再试。',
  'auth.signedOut': '您已退出登录。',
  'auth.mustSignIn': '请先登录。',
}
