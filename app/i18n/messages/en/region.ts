export const en = {
  'region.domestic': 'Domestic',
  'region.overseas': 'Overseas',
}

export const zhCN: Record<keyof typeof en, string> = {
  'region.domestic': '国内',
  'region.overseas': '海外',
}
