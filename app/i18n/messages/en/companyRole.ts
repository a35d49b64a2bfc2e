export const en = {
  'companyRole.driver': 'Driver',
  'companyRole.enabler': 'Enabler',
  'companyRole.beneficiary': 'Beneficiary',
}
