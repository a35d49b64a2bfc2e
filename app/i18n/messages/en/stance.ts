export const en = {
  'stance.positive': 'Positive',
  'stance.neutral': 'Neutral',
  'stance.cautious': 'Cautious',
  'stance.negative': 'Negative',
}
