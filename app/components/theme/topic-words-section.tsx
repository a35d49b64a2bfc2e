import { Link, useActionData, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { fieldError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { joinContextWords, TOPIC_WORDS_MAX_WORDS } from '#app/schemas/context-words.ts'

/** What the theme route answers to a topic-words save. */
export type TopicWordsResult =
  | { ok: true; formKey: 'topicWords'; changed: boolean; companies: number; jobId: number | null }
  | { ok: false; formKey: 'topicWords'; errors: Record<string, string>; values: Record<string, string> }

/**
 * A theme's topic words: shown to everyone, edited by analysts. After a save, the companies
 * with ambiguous aliases are re-matched; the note says how many, with a link to a job.
 */
export function TopicWordsSection({ words, canEdit }: { words: string[]; canEdit: boolean }) {
  const { t } = useI18n()
  const fetcher = useFetcher<TopicWordsResult>()
  const actionData = useActionData<TopicWordsResult>()
  const result = fetcher.data ?? (actionData?.formKey === 'topicWords' ? actionData : undefined)
  const detailsRef = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok && detailsRef.current) detailsRef.current.open = false
  }, [fetcher.state, fetcher.data])
  const error = result && !result.ok ? fieldError(t, result.errors.topicWords ?? result.errors.form) : undefined
  return (
    <section className="card" aria-labelledby="topic-words-heading">
      <h2 id="topic-words-heading">{t('alias.topicWords')}</h2>
      {words.length ? (
        <p className="chips">
          {words.map((word) => (
            <span key={word} className="chip">
              {word}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted small">{t('alias.topicWordsNone')}</p>
      )}
      <p className="muted small">{t('alias.topicWordsHelp')}</p>
      {canEdit ? (
        <details ref={detailsRef} className="inline-edit" open={error ? true : undefined}>
          <summary>{t('themeEdit.edit')}</summary>
          <fetcher.Form method="post" className="inline-edit-form">
            <input type="hidden" name="intent" value="topicWords" />
            <input type="hidden" name="formKey" value="topicWords" />
            <label htmlFor="topic-words-field" className="visually-hidden">
              {t('alias.topicWords')}
            </label>
            <textarea
              id="topic-words-field"
              name="topicWords"
              rows={5}
              maxLength={TOPIC_WORDS_MAX_WORDS * 42}
              defaultValue={result && !result.ok ? result.values.topicWords : joinContextWords(words)}
              aria-invalid={error ? true : undefined}
            />
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="primary small" disabled={fetcher.state !== 'idle'}>
                {t('alias.topicWordsSave')}
              </button>
            </div>
          </fetcher.Form>
        </details>
      ) : null}
      {result?.ok && result.changed ? (
        <p className="small" role="status">
          {result.jobId ? t('alias.topicWordsSaved', { count: result.companies }) : t('alias.topicWordsSavedNone')}{' '}
          {result.jobId ? <Link to={`/jobs/${result.jobId}`}>{t('alias.followJob')}</Link> : null}
        </p>
      ) : null}
    </section>
  )
}
