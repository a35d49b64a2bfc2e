export const en = {
  'listing.listed': 'Listed',
  'listing.private': 'Private',
}

export const zhCN: Record<keyof typeof en, string> = {
  'listing.listed': '上市',
  'listing.private': '未上市',
}
