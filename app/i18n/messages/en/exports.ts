export const en = {
  'exports.timeZone': 'Time zone',
  'exports.inZone': '{label} ({zone})',
  'exports.earlierSaves': 'Earlier saves (CSV)',
  'exports.earlierSavesTitle': 'Every save a later save replaced, with when and by which level; the XLSX has them as a sheet',
}
