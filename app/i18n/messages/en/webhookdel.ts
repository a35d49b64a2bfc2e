// Deleting a webhook, asking what happens to its delivery log.
export const en = {
  'webhookdel.title': 'Delete this webhook',
  'webhookdel.logQuestion': 'Its delivery log',
  'webhookdel.keep': 'Keep the log (listed under the webhook’s name)',
  'webhookdel.remove': 'Delete the log too',
  'webhookdel.submit': 'Delete webhook',
  'webhookdel.chooseLog': 'Choose whether to keep the delivery log.',
  'webhookdel.deleted': 'Webhook deleted.',
  'webhookdel.deletedMark': '(deleted)',
}
