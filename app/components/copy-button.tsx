import { useEffect, useState } from 'react'

import { useI18n } from '#app/i18n/index.ts'

/** Copies a text to the clipboard and says so for a moment; the text stays selectable beside it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <button
      type="button"
      className="small"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }}
    >
      {copied ? t('users.copied') : label}
    </button>
  )
}
