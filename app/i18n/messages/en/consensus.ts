// How sure the team's consensus is: spread beside the median (grid, heatmap, meeting),
// the disagreement rule (a team setting) and week-over-week stability (consensus page).
export const en = {
  'consensus.gridTeam': 'team {median} · n={count} · IQR {iqr}',
  'consensus.gridTitle':
    'Team median {median} of {count} {count|analyst|analysts}; interquartile range {iqr}; {share}% within one level of the median',
  'consensus.cellMeta': '{min}–{max} · n = {count} · IQR {iqr}',
  'consensus.cellTitle':
    'median {median} of {count} {count|analyst|analysts}, interquartile range {iqr}, {share}% within one level of the median',
  'consensus.editorSpread': 'interquartile range {iqr}; {share}% within one level of the median',
  'consensus.rule.range': 'Disagreement ⚑: the highest and lowest level in a cell are {threshold} or more levels apart.',
  'consensus.rule.iqr': 'Disagreement ⚑: the middle half of the analysts spans 1.5 levels or more (interquartile range ≥ 1.5).',
  'consensus.settings.heading': 'Disagreement rule',
  'consensus.settings.intro': 'When the grid, the consensus page and the meeting flag a cell ⚑ as a disagreement.',
  'consensus.settings.range':
    'Range: the highest and lowest level are {threshold} or more apart (one outlier is enough; the number of levels is set under Rubrics)',
  'consensus.settings.iqr': 'Interquartile range ≥ 1.5: the middle half of the team is split (one outlier among many is not)',
  'consensus.settings.save': 'Save rule',
  'consensus.settings.invalid': 'Choose one of the two rules.',
  'consensus.stability.heading': 'Week-over-week stability of the consensus',
  'consensus.stability.caption': 'Cells with a team median in both weeks, and how many of them moved ({dimension}).',
  'consensus.stability.week': 'Week',
  'consensus.stability.compared': 'Cells compared',
  'consensus.stability.moved': 'Moved',
  'consensus.stability.meanChange': 'Mean change (levels)',
  'consensus.stability.stable': 'Stable',
  'consensus.stability.none': 'Not enough scored weeks to compare yet.',
}
