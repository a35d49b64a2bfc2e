import type { en } from '../en/bilingual.ts'

// 中英双语文本：切换到另一种语言，以及缺失或较旧的提示。
export const zhCN: Record<keyof typeof en, string> = {
  'bilingual.missingZh': '暂无中文版本：显示英文原文',
  'bilingual.missingEn': '暂无英文版本',
  'bilingual.olderZh': '中文版本比英文版本旧（英文于 {date} 修改）',
  'bilingual.olderEn': '英文版本比中文版本旧（中文于 {date} 修改）',
  'bilingual.showZh': '查看中文版本',
  'bilingual.showEn': '查看英文版本',
  'bilingual.showAll': '展开全文（还有 {count} 段）',
  'bilingual.showLess': '收起',
  'bilingual.thesisEn': '英文投资逻辑（Markdown）',
  'bilingual.thesisZh': '中文投资逻辑（Markdown）',
  'bilingual.previewEn': '英文',
  'bilingual.previewZh': '中文',
  'bilingual.asOf': '以下是 {week} 结束时的投资逻辑。',
  'bilingual.asOfNone': '{week} 结束时该主题尚未创建。',
  'bilingual.asOfBack': '返回当前版本',
  'bilingual.asOfLabel': '查看某一周的投资逻辑',
  'bilingual.asOfShow': '查看',
}
