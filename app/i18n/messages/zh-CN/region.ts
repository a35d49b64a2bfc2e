import type { en } from '../en/region.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'region.domestic': '国内',
  'region.overseas': '海外',
}
