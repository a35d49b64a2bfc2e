// The notes panel over a slide in present mode.
export const en = {
  'meeting.panel.open': 'Notes (N)',
  'meeting.panel.close': 'Close (Esc)',
}
