// Withdrawing a score (clearing a cell) and correcting a digit on the scoring page.
export const en = {
  'withdraw.nothing': 'You have no score in this cell to withdraw.',
  'withdraw.button': 'Withdraw my score',
  'withdraw.hint': 'clears the cell; the history keeps it',
  'withdraw.confirm': 'Withdraw your score {level} for this cell? The team consensus stops counting it; the history keeps it.',
  'withdraw.done': 'Score withdrawn.',
  'withdraw.gridHelp':
    'Delete or Backspace withdraws your score of the cell. A digit corrected within 2 minutes of the first save needs no reason.',
  'withdraw.historyHeading': 'Withdrawn scores in {week}',
  'withdraw.historyItem': '{name} withdrew {level} on {cell}',
  'withdraw.historyNone': 'No score was withdrawn in {week}.',
}
