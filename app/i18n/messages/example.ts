// Template for a feature's messages; replace `example` with the feature name.
export const en = {
  'example.placeholder': 'Example',
} as const

export const zhCN: Record<keyof typeof en, string> = {
  'example.placeholder': '示例',
}
