export const en = {
  'exposure.high': 'High exposure',
  'exposure.medium': 'Medium exposure',
  'exposure.low': 'Low exposure',
}
