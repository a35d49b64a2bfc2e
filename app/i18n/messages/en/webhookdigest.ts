// Per-webhook delivery: at once, or a daily or weekly digest (decision 042).
export const en = {
  'webhookdigest.label': 'Send alerts',
  'webhookdigest.immediate': 'At once',
  'webhookdigest.daily': 'Daily digest (08:00 team time)',
  'webhookdigest.weekly': 'Weekly digest (Monday 08:00 team time)',
  'webhookdigest.hint': 'A digest is one message listing the alerts since the last one; nothing is sent when there are none.',
  'webhookdigest.badge.daily': 'daily digest',
  'webhookdigest.badge.weekly': 'weekly digest',
  'webhookdigest.logDigest': 'Digest',
  'webhookdigest.jobKind': 'Post a digest of mention alerts to a webhook',
}
