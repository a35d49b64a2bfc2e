import type { MembershipChangeRow } from '#app/components/theme/membership-section.tsx'
import { formatDate, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'

import { Slide } from './slide.tsx'

// Companies that joined or left the theme since the previous meeting, as the meeting's
// week ended (decision 039), with the written reason for each one that joined. Every row
// is on the slide: a theme's membership changes by a few companies a week.

export interface MembershipSlideData {
  size: number
  changes: MembershipChangeRow[]
}

export function MembershipSlide({ membership, current, label }: { membership: MembershipSlideData; current: boolean; label: string }) {
  const { t, locale, timeZone } = useI18n()
  const { changes } = membership
  return (
    <Slide
      id="membership"
      current={current}
      label={label}
      empty={changes.length === 0}
      aside={<span className="chip">{t('membership.size', { count: membership.size })}</span>}
    >
      <table className="data-table slide-table">
        <thead>
          <tr>
            <th scope="col">{t('membership.change')}</th>
            <th scope="col">{t('membership.company')}</th>
            <th scope="col">{t('themeEdit.role')}</th>
            <th scope="col">{t('membership.reason')}</th>
            <th scope="col">{t('membership.when')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.kind}-${c.companyId}-${c.at}`}>
              <td className={`nowrap ${c.kind === 'joined' ? 'move-up' : 'move-down'}`}>
                {c.kind === 'joined' ? `+ ${t('membership.joined')}` : `− ${t('membership.left')}`}
              </td>
              <td>
                <a href={`/companies/${c.companyId}`}>{localName(locale, c)}</a>
              </td>
              <td className="nowrap">
                {labelOf(t, 'companyRole', c.role)} · {labelOf(t, 'exposure', c.exposure)}
              </td>
              <td>{c.kind === 'joined' ? c.reason || <span className="muted">{t('membership.noReason')}</span> : null}</td>
              <td className="nowrap">{formatDate(locale, c.at, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Slide>
  )
}
