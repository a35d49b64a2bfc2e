import type { en } from '../en/themes.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'themes.title': '主题',
  'themes.intro': '团队跟踪的全部主题，以及 {week} 周至今的动态。',
  'themes.name': '主题',
  'themes.stance': '观点',
  'themes.status': '状态',
  'themes.companies': '公司',
  'themes.moves': '本周共识变动',
  'themes.mentions': '本周提及',
  'themes.nextMeeting': '下次周会',
  'themes.meetingHeld': '{week}，{date}',
  'themes.archived': '已归档主题',
  'themes.none': '还没有主题。',
  'themes.noArchived': '没有已归档的主题。',
  'themes.new': '新建主题',
}
