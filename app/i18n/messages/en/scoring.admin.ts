// Messages of the rubric administration page (Admin → Rubrics): rubrics and their
// versions, the rubric per theme and the disagreement threshold; also the labels of a
// theme's framework table (items and dimensions live on each theme's framework page).
export const en = {
  'scoring.admin.title': 'Rubrics and scoring',
  'scoring.admin.intro':
    'Rubrics, the rubric each theme scores with, and when the team counts as disagreeing. What a theme scores is on its framework page.',
  'scoring.admin.rubrics': 'Rubrics',
  'scoring.admin.rubric': 'Rubric',
  'scoring.admin.slug': 'Short name (slug)',
  'scoring.admin.version': 'Version',
  'scoring.admin.levels': 'Levels',
  'scoring.admin.themes': 'Themes',
  'scoring.admin.scores': 'Scores',
  'scoring.admin.superseded': 'superseded',
  'scoring.admin.newRubric': 'New rubric',
  'scoring.admin.nameEn': 'English name',
  'scoring.admin.nameZh': 'Chinese name',
  'scoring.admin.descriptionEn': 'What must be true (English)',
  'scoring.admin.descriptionZh': 'What must be true (Chinese)',
  'scoring.admin.copyFrom': 'Start from the levels of',
  'scoring.admin.create': 'Create rubric',
  'scoring.admin.themeRubrics': 'Rubric per theme',
  'scoring.admin.themeRubricsHint':
    'New scores use the chosen rubric. Scores given on another rubric stay as they are, but are left out of the consensus.',
  'scoring.admin.threshold': 'Disagreement',
  'scoring.admin.thresholdLabel': 'Flag a cell when its highest and lowest levels are at least this many levels apart',
  'scoring.admin.thresholdHint': 'Default 2: on the five-level rubric, “breakthrough” next to “application” is a disagreement.',
  'scoring.admin.position': 'Order',
  'scoring.admin.add': 'Add',
  'scoring.admin.archive': 'Archive',
  'scoring.admin.unarchive': 'Restore',
  'scoring.admin.levelsHint':
    'Fill in the blank last row to add a level; clear the last level’s names to remove it. Levels keep their order.',
  'scoring.admin.usedNotice':
    'Scores were given on this version, so saving creates version {version}: themes move to it and earlier scores keep the meaning they had.',
  'scoring.admin.supersededNotice': 'This version is kept for the scores given on it and can no longer be edited. The latest is',
  'scoring.admin.versionCreated': 'Saved as version {version}; the themes that used the previous version now use this one.',
  'scoring.admin.saveVersion': 'Save as version {version}',
}
