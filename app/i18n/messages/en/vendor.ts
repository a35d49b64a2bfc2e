export const en = {
  'vendor.big_tech': 'Big tech',
  'vendor.model_company': 'Model companies',
  'vendor.vertical_unicorn': 'Vertical unicorns',
  'vendor.application_company': 'Application companies',
  'vendor.platform': 'Platforms',
}
