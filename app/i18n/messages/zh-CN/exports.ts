import type { en } from '../en/exports.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'exports.timeZone': '时区',
  'exports.inZone': '{label}（{zone}）',
  'exports.earlierSaves': '被替换的评分（CSV）',
  'exports.earlierSavesTitle': '每一次被之后的保存替换掉的评分，含替换时间和替换后的等级；XLSX 中是单独一页',
}
