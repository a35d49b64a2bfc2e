export const en = {
  'companyRole.driver': 'Driver',
  'companyRole.enabler': 'Enabler',
  'companyRole.beneficiary': 'Beneficiary',
}

export const zhCN: Record<keyof typeof en, string> = {
  'companyRole.driver': '驱动者',
  'companyRole.enabler': '赋能者',
  'companyRole.beneficiary': '受益者',
}
