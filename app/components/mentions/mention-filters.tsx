import { Form, Link } from '@remix-run/react'

import { Field, fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

export interface MentionFilterValues {
  scope: string
  from: string
  to: string
  publisher?: string
  tag?: string
  language?: string
  relevance?: string
}

interface Props {
  values: MentionFilterValues
  /** The raw text typed, shown back when it was refused. */
  typed: { from?: string; to?: string }
  errors: Record<string, string>
  themes: { id: number; nameEn: string; nameZh: string }[]
  watchlists: { id: number; name: string }[]
  publishers: string[]
  tags: string[]
  currentWeek: string
}

/** A select whose empty choice means "any". */
function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string
  name: string
  label: string
  value?: string
  options: [string, string][]
}) {
  const { t } = useI18n()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{t('mentions.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A GET form: the view lives in the address, so it can be shared and bookmarked. */
export function MentionFilters({ values, typed, errors, themes, watchlists, publishers, tags, currentWeek }: Props) {
  const { t, locale } = useI18n()
  const scopeError = fieldError(t, errors.scope)
  return (
    <Form method="get" className="row-form mention-filters" role="search">
      <div className={`field${scopeError ? ' has-error' : ''}`}>
        <label htmlFor="mention-scope">{t('mentions.scope')}</label>
        <select
          id="mention-scope"
          name="scope"
          defaultValue={values.scope}
          aria-describedby={scopeError ? 'mention-scope-error' : undefined}
        >
          <optgroup label={t('mentions.themes')}>
            {themes.map((theme) => (
              <option key={theme.id} value={`theme-${theme.id}`}>
                {localName(locale, theme)}
              </option>
            ))}
          </optgroup>
          {watchlists.length ? (
            <optgroup label={t('mentions.watchlists')}>
              {watchlists.map((w) => (
                <option key={w.id} value={`watchlist-${w.id}`}>
                  {w.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        {scopeError ? (
          <p className="field-error" id="mention-scope-error" role="alert">
            {scopeError}
          </p>
        ) : null}
      </div>
      {(['from', 'to'] as const).map((key) => (
        <Field
          key={key}
          label={t(`mentions.${key}`)}
          name={key}
          id={`mention-${key}`}
          defaultValue={typed[key] ?? values[key]}
          error={errors[key]}
          size={9}
          maxLength={8}
          pattern="\d{4}-[Ww]\d{2}"
          title={t('mentions.weekHint', { week: currentWeek })}
        />
      ))}
      <FilterSelect
        id="mention-publisher"
        name="publisher"
        label={t('mentions.publisher')}
        value={values.publisher}
        options={publishers.map((p) => [p, p])}
      />
      <FilterSelect id="mention-tag" name="tag" label={t('mentions.tag')} value={values.tag} options={tags.map((tag) => [tag, tag])} />
      <FilterSelect
        id="mention-language"
        name="language"
        label={t('mentions.language')}
        value={values.language}
        options={(['zh', 'en', 'mixed'] as const).map((lang) => [lang, t(`mentions.lang.${lang}`)])}
      />
      <div className="field">
        <label htmlFor="mention-relevance">{t('review.relevance')}</label>
        <select
          id="mention-relevance"
          name="relevance"
          defaultValue={values.relevance ?? ''}
          title={t('review.relevanceHint')}
          aria-describedby="mention-relevance-hint"
        >
          <option value="">{t('review.relevance.all')}</option>
          <option value="about">{t('review.relevance.about')}</option>
        </select>
        <span id="mention-relevance-hint" className="visually-hidden">
          {t('review.relevanceHint')}
        </span>
      </div>
      <button type="submit" className="primary">
        {t('mentions.apply')}
      </button>
      <Link to="/mentions" className="small">
        {t('mentions.reset')}
      </Link>
    </Form>
  )
}
