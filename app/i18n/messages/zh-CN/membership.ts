import type { en } from '../en/membership.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'membership.heading': '上次周会以来加入和退出的公司',
  'membership.sinceMeeting': '自 {week} 周会结束以来',
  'membership.sinceWeekStart': '自本周开始以来（此前没有周会）',
  'membership.none': '没有公司加入或退出。',
  'membership.joined': '加入',
  'membership.left': '退出',
  'membership.change': '变动',
  'membership.company': '公司',
  'membership.reason': '纳入理由',
  'membership.reasonHint': '这家公司为什么属于该主题；随成员记录保存。',
  'membership.noReason': '未写理由',
  'membership.when': '时间',
  'membership.since': '{date} 起为成员',
  'membership.asOfLabel': '查看某周结束时的成员',
  'membership.asOfShow': '查看',
  'membership.asOfHeading': '{week} 周结束时的成员',
  'membership.asOfBack': '返回当前成员',
  'membership.asOfEmpty': '当时该主题没有公司。',
  'membership.asOfFuture': '{week} 周尚未结束；显示的是当前成员。',
  'membership.size': '本周结束时共 {count} 家公司',
}
