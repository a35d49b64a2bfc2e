import { useI18n } from '#app/i18n/index.ts'

// On the mentions slide: the week's top names the registry does not know yet, so the
// team can decide in the meeting who to add. Names are shown as the documents wrote them.

interface Props {
  names: { id: number; text: string; language: 'zh' | 'en'; mentions: number }[]
  week: string
}

export function NewNamesTop({ names, week }: Props) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="new-names-top-title">
      <h3 id="new-names-top-title">{t('newnames.meeting.title')}</h3>
      {names.length ? (
        <ol className="plain-list new-names-top" aria-label={t('newnames.meeting.caption', { week })}>
          {names.map((n) => (
            <li key={n.id}>
              <a href={`/mentions/new-names?week=${week}`} lang={n.language === 'zh' ? 'zh-CN' : 'en'}>
                {n.text}
              </a>{' '}
              <span className="muted">{t('newnames.meeting.mentions', { count: n.mentions })}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('newnames.meeting.empty')}</p>
      )}
    </section>
  )
}
