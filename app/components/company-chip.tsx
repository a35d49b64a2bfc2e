import { Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'
import { formatTicker } from '#app/utils/ticker.ts'
import type { Exchange } from '#db/types.ts'

interface CompanyChipProps {
  company: { id: number; nameEn: string; nameZh: string; isListed: boolean; tickers: { exchange: Exchange; code: string }[] }
}

/** A company's name linking to its page, with its tickers or a "private" badge. */
export function CompanyChip({ company }: CompanyChipProps) {
  const { t, locale } = useI18n()
  return (
    <span className="company-chip">
      <Link to={`/companies/${company.id}`}>{localName(locale, company)}</Link>
      {company.isListed && company.tickers.length ? (
        company.tickers.map((ticker) => (
          <span key={`${ticker.exchange}:${ticker.code}`} className="ticker">
            {formatTicker(ticker)}
          </span>
        ))
      ) : (
        <span className="badge private">{company.isListed ? t('listing.listed') : t('listing.private')}</span>
      )}
    </span>
  )
}
