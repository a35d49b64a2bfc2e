import type { en } from '../en/auth.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'auth.signInTitle': '登录',
  'auth.email': '邮箱',
  'auth.password': '密码',
  'auth.passwordHint': '至少 12 个字符。',
  'auth.displayName': '姓名',
  'auth.submit': '登录',
  'auth.invalid': '邮箱或密码不正确。',
  'auth.rateLimitedAccountAddress': '您所在网络对该账号的登录失败次数过多，请 {minutes} 分钟后再试。',
  'auth.rateLimitedAccount': '该账号在多处登录失败次数过多，请 {minutes} 分钟后再试，或在您以前登录过的网络上登录。',
  'auth.rateLimitedIp': '您所在网络登录失败次数过多，请 {minutes} 分钟后再试。',
  'auth.signedOut': '您已退出登录。',
  'auth.mustSignIn': '请先登录。',
}
