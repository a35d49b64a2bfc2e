export const en = {
  'admin.usersHint': 'Invite people, change roles, disable accounts.',
  'admin.auditHint': 'Every change, who made it and when, with old and new values.',
  'admin.settingsHint': 'The team time zone that decides ISO weeks.',
}

export const zhCN: Record<keyof typeof en, string> = {
  'admin.usersHint': '邀请成员、修改角色、停用账号。',
  'admin.auditHint': '每一次改动：谁、何时、改前改后的值。',
  'admin.settingsHint': '团队时区，决定 ISO 周的划分。',
}
