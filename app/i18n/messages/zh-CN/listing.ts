import type { en } from '../en/listing.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'listing.listed': '上市',
  'listing.private': '未上市',
}
