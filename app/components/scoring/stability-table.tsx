import { useI18n } from '#app/i18n/index.ts'
import type { StabilityWeek } from '#app/scoring/consensus.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

// Week-over-week stability of the consensus (issue 15): per week, how many cells had a team
// median both that week and the week before, how many of them moved and by how much.
// Newest week first; the loader keeps the last few weeks that had anything to compare.

export function StabilityTable({ weeks, dimension }: { weeks: StabilityWeek[]; dimension: string }) {
  const { t, locale } = useI18n()
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  return (
    <section className="card" aria-labelledby="stability-heading">
      <h2 id="stability-heading">{t('consensus.stability.heading')}</h2>
      {weeks.length === 0 ? (
        <p className="muted">{t('consensus.stability.none')}</p>
      ) : (
        <table className="data-table stability-table">
          <caption className="muted small">{t('consensus.stability.caption', { dimension })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consensus.stability.week')}</th>
              <th scope="col" className="num">
                {t('consensus.stability.compared')}
              </th>
              <th scope="col" className="num">
                {t('consensus.stability.moved')}
              </th>
              <th scope="col" className="num">
                {t('consensus.stability.meanChange')}
              </th>
              <th scope="col" className="num">
                {t('consensus.stability.stable')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td className="num">{w.compared}</td>
                <td className="num">{w.moved}</td>
                <td className="num">{formatLevel(w.meanChange)}</td>
                <td className="num">{percent.format(w.stable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
