import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { CompanyPicker } from '#app/components/company-picker.tsx'
import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { TextAreaField } from '#app/components/theme/fields.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import type { ConflictView } from '#app/utils/edit-conflict.ts'

// The forms of a watchlist page: add a company and rename or archive the list. An entry's
// own edit and remove forms are in watchlist-entry-detail.tsx.

export type WatchlistActionResult =
  | { ok: true; intent: string; entryId?: number; message?: string; name?: string }
  | {
      ok: false
      intent: string
      entryId?: number
      errors: Record<string, string>
      values: Record<string, string>
      conflict?: ConflictView
    }

export function AddEntryForm({ result, startOpen }: { result?: WatchlistActionResult; startOpen: boolean }) {
  const { t } = useI18n()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'add'
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : {}
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (result?.ok) formRef.current?.reset()
  }, [result])
  return (
    <details className="card wl-add" open={startOpen || Boolean(result && !result.ok) || undefined}>
      <summary>{t('watchlists.addTitle')}</summary>
      <Form method="post" ref={formRef} className="wl-add-form">
        <input type="hidden" name="intent" value="add" />
        <CompanyPicker
          label={t('watchlists.company')}
          name="company"
          id="add-company"
          required
          hint={t('watchlists.companyHint')}
          defaultValue={values.company ?? ''}
          error={errors.company}
        />
        <Field
          label={t('watchlists.rationale')}
          name="rationale"
          id="add-rationale"
          maxLength={2000}
          defaultValue={values.rationale ?? ''}
          error={errors.rationale}
        />
        <Field
          label={t('watchlists.tags')}
          name="tags"
          id="add-tags"
          hint={t('watchlists.tagsHint')}
          defaultValue={values.tags ?? ''}
          error={errors.tags}
        />
        <TextAreaField
          label={t('watchlists.notes')}
          name="notes"
          id="add-notes"
          rows={2}
          maxLength={20000}
          defaultValue={values.notes ?? ''}
          error={errors.notes}
        />
        <div className="wl-add-submit">
          <button type="submit" className="primary" disabled={busy}>
            {t('watchlists.addSubmit')}
          </button>
        </div>
      </Form>
    </details>
  )
}

interface SettingsProps {
  watchlist: { name: string; description: string; themeId: number | null; archivedAt: string | null }
  themes: { id: number; nameEn: string; nameZh: string }[]
  result?: WatchlistActionResult
}

export function WatchlistSettings({ watchlist, themes, result }: SettingsProps) {
  const { t } = useI18n()
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : {}
  return (
    <details className="card wl-settings" open={Boolean(result && !result.ok) || undefined}>
      <summary>{t('watchlists.settingsTitle')}</summary>
      <FormError error={errors.form} />
      {result?.ok && result.intent === 'update' ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {!watchlist.archivedAt ? (
        <Form method="post" className="row-form">
          <input type="hidden" name="intent" value="update" />
          <Field
            label={t('watchlists.name')}
            name="name"
            id="settings-name"
            required
            maxLength={200}
            defaultValue={values.name ?? watchlist.name}
            error={errors.name}
          />
          <WatchlistThemeSelect
            id="settings-theme"
            themes={themes}
            defaultValue={values.themeId ?? (watchlist.themeId ? String(watchlist.themeId) : '')}
            error={errors.themeId}
          />
          <div className="grow">
            <Field
              label={t('watchlists.description')}
              name="description"
              id="settings-description"
              maxLength={2000}
              defaultValue={values.description ?? watchlist.description}
              error={errors.description}
            />
          </div>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="row-form wl-archive">
        <input type="hidden" name="intent" value={watchlist.archivedAt ? 'unarchive' : 'archive'} />
        <button type="submit">{watchlist.archivedAt ? t('watchlists.unarchive') : t('watchlists.archive')}</button>
        <span className="muted small">{t('watchlists.archiveHint')}</span>
      </Form>
    </details>
  )
}

/** The theme a watchlist belongs to, or none. */
export function WatchlistThemeSelect({
  id,
  themes,
  defaultValue,
  error,
}: {
  id: string
  themes: { id: number; nameEn: string; nameZh: string }[]
  defaultValue: string
  error?: string
}) {
  const { t, locale } = useI18n()
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t('watchlists.theme')}</label>
      <select id={id} name="themeId" defaultValue={defaultValue}>
        <option value="">{t('watchlists.noTheme')}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {localName(locale, theme)}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{fieldError(t, error)}</p> : null}
    </div>
  )
}
