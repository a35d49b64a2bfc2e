export const en = {
  'stance.positive': 'Positive',
  'stance.neutral': 'Neutral',
  'stance.cautious': 'Cautious',
  'stance.negative': 'Negative',
}

export const zhCN: Record<keyof typeof en, string> = {
  'stance.positive': '看好',
  'stance.neutral': '中性',
  'stance.cautious': '谨慎',
  'stance.negative': '看淡',
}
