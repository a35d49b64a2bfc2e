import type { en } from '../en/vendor.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'vendor.big_tech': '科技大厂',
  'vendor.model_company': '大模型公司',
  'vendor.vertical_unicorn': '垂类独角兽',
  'vendor.application_company': '应用公司',
  'vendor.platform': '平台',
}
