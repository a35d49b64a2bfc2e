import type { en } from '../en/alias.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'alias.reasonEnglish': '也是一个普通英文单词：只有附近有公司语境时才计入。',
  'alias.reasonChinese': '也是一个普通中文词语：只有附近有公司语境时才计入。',
  'alias.reasonOverridden': '已手动标为无歧义：出现即计入。',
  'alias.overrideHint': '取消勾选“有歧义”并保存，即可在任何位置计入。',
  'alias.negativeContext': '附近出现时不算该公司',
  'alias.negativeContextPlaceholder': '排除用词，用逗号分隔',
  'alias.negativeContextShown': '附近有这些词时不计入：{words}',
  'alias.negativeContextHelp':
    '附近出现时不算该公司：匹配附近出现这些词，说明文本讲的是别的东西（例如苹果的“水果”、Apple 的 fruit）。用逗号分隔。',
  'alias.tooManyWords': '最多 {max} 个词。',
  'alias.wordTooLong': '每个词最多 {max} 个字符。',
  'alias.saved': '已保存。该公司的提及次数正在更新。',
  'alias.added': '已添加。该公司的提及次数正在更新。',
  'alias.addedOrdinary': '已添加并标为有歧义：它也是一个普通词语。该公司的提及次数正在更新。',
  'alias.removed': '已删除。该公司的提及次数正在更新。',
  'alias.followJob': '查看更新进度',
  'alias.topicWords': '主题词',
  'alias.topicWordsHelp':
    '表明文本在讨论该主题的词（视频生成、video generation）。有歧义的别名（如 Runway）附近出现这些词时，计为该公司。用逗号分隔。',
  'alias.topicWordsNone': '尚无主题词。',
  'alias.topicWordsSave': '保存主题词',
  'alias.topicWordsSaved': '已保存。{count} 家有歧义别名的公司的提及次数正在更新。',
  'alias.topicWordsSavedNone': '已保存。没有公司使用有歧义的别名，提及次数不变。',
}
