import type { en } from '../en/validation.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'validation.required': '必填。',
  'validation.email': '请输入有效的邮箱地址。',
  'validation.passwordShort': '至少 12 个字符。',
  'validation.passwordLong': '最多 200 个字符。',
  'validation.tooLong': '过长（最多 {max} 个字符）。',
  'validation.choice': '请从选项中选择。',
  'validation.invalid': '该值无效。',
}
