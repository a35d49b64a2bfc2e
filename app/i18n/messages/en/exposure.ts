export const en = {
  'exposure.high': 'High exposure',
  'exposure.medium': 'Medium exposure',
  'exposure.low': 'Low exposure',
}

export const zhCN: Record<keyof typeof en, string> = {
  'exposure.high': '高暴露',
  'exposure.medium': '中暴露',
  'exposure.low': '低暴露',
}
