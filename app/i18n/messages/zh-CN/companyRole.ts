import type { en } from '../en/companyRole.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'companyRole.driver': '驱动者',
  'companyRole.enabler': '赋能者',
  'companyRole.beneficiary': '受益者',
}
