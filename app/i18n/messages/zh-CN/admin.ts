import type { en } from '../en/admin.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'admin.usersHint': '邀请成员、修改角色、停用账号。',
  'admin.auditHint': '每一次改动：谁、何时、改前改后的值。',
  'admin.settingsHint': '团队时区，决定 ISO 周的划分。',
}
