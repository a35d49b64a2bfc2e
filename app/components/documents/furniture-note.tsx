import { formatNumber, useI18n } from '#app/i18n/index.ts'

/**
 * "N repeated lines removed" above a document's text: the stored text lacks the later
 * copies of its page headers and disclaimers (app/ingest/page-furniture.ts), and a reader
 * comparing it with the PDF should know why. Nothing when none were removed.
 */
export function FurnitureNote({ count }: { count: number | null | undefined }) {
  const { t, locale } = useI18n()
  if (!count) return null
  return <p className="field-hint furniture-note">{t('documents.furnitureRemoved', { n: formatNumber(locale, count) })}</p>
}
