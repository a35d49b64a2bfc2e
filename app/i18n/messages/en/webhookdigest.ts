// Per-webhook delivery: at once, or a daily or weekly digest (decision 042).
export const en = {
  'webhookdigest.label': 'Send alerts',
  'webhookdigest.immediate': 'At once',
  'webhookdigest.daily': 'Daily digest, 08:00',
  'webhookdigest.weekly': 'Weekly digest, Mon 08:00',
  'webhookdigest.hint': 'A digest (08:00 team time) is one message with the alerts since the last one; none is sent when there are none.',
  'webhookdigest.badge.daily': 'daily digest',
  'webhookdigest.badge.weekly': 'weekly digest',
  'webhookdigest.logDigest': 'Digest',
  'webhookdigest.jobKind': 'Post a digest of mention alerts to a webhook',
}
