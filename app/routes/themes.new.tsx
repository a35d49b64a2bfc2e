import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'

import { Field, FormError } from '#app/components/form.tsx'
import { TextAreaField } from '#app/components/theme/fields.tsx'
import { ThemeDetailsFields } from '#app/components/theme/theme-details-fields.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, formError, type FormFailure, parseForm, readFormData } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import { FrameworkTemplateSchema } from '#app/schemas/framework.ts'
import { suggestSlug, ThemeCreateSchema, THESIS_MAX } from '#app/schemas/theme.ts'
import { FRAMEWORK_TEMPLATES } from '#app/scoring/framework-templates.ts'
import { createThemeFromTemplate } from '#app/services/theme/create-theme.server.ts'
import bilingualStyles from '#app/styles/bilingual.css'
import styles from '#app/styles/theme.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: bilingualStyles },
]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'themeEdit.newTheme')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'analyst')
  const themes = await listThemes(context.db)
  return json({
    parentOptions: themes.filter((t) => t.status !== 'archived').map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  let form: FormData
  try {
    form = await readFormData(request)
  } catch (error) {
    if (error instanceof Response && error.status === 413) return formError('form', 'themeEdit.tooLarge', {}, 413)
    throw error
  }
  const parsed = await parseForm(request, ThemeCreateSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  const framework = await parseForm(request, FrameworkTemplateSchema, form)
  if (!framework.ok) return badRequest(framework)
  try {
    const actor = { id: user.id, ip: context.clientIp }
    const theme = await createThemeFromTemplate(context.db, actor, parsed.data, framework.data.template)
    return redirect(`/themes/${theme.slug}`)
  } catch (error) {
    return refusalResponse(error, echoValues(form))
  }
}

export default function NewThemePage() {
  const { t } = useI18n()
  const { parentOptions } = useLoaderData<typeof loader>()
  const result = useActionData<FormFailure>()
  const busy = useNavigation().state === 'submitting'
  const errors = result?.errors ?? {}
  const values = result?.values ?? {}
  // The slug follows the English name until someone edits it by hand.
  const [slug, setSlug] = useState(values.slug ?? '')
  const [slugEdited, setSlugEdited] = useState(Boolean(values.slug))
  return (
    <section className="card new-theme">
      <h1>{t('themeEdit.newTitle')}</h1>
      <p className="muted">{t('themeEdit.newIntro')}</p>
      <FormError error={errors.form} />
      <Form method="post" className="stack" noValidate>
        <ThemeDetailsFields
          idPrefix="new"
          state={{ errors, values }}
          defaults={{ nameEn: '', nameZh: '', summaryEn: '', summaryZh: '', stance: 'neutral', status: 'active', parentId: null }}
          parentOptions={parentOptions}
          onNameEnChange={(name) => {
            if (!slugEdited) setSlug(suggestSlug(name))
          }}
        />
        <Field
          id="new-slug"
          label={t('themeEdit.slug')}
          name="slug"
          value={slug}
          onChange={(e) => {
            setSlug(e.currentTarget.value)
            setSlugEdited(e.currentTarget.value !== '')
          }}
          error={errors.slug}
          hint={t('themeEdit.slugHint')}
          maxLength={63}
          pattern="[a-z0-9][a-z0-9\-]*"
          autoComplete="off"
        />
        <fieldset className="template-choice">
          <legend>{t('framework.template')}</legend>
          <p className="muted small">{t('framework.templateHint')}</p>
          {FRAMEWORK_TEMPLATES.map((template) => (
            <label key={template} className="radio">
              <input type="radio" name="template" value={template} defaultChecked={(values.template ?? 'ai-modalities') === template} />
              <span>
                <strong>{t(`framework.templates.${template}`)}</strong>{' '}
                <span className="muted small">{t(`framework.templates.${template}Hint`)}</span>
              </span>
            </label>
          ))}
          <FormError error={errors.template} />
        </fieldset>
        <div className="thesis-edit-pair">
          <TextAreaField
            id="new-thesis"
            label={t('bilingual.thesisEn')}
            hint={t('themeEdit.thesisHint', { max: THESIS_MAX.toLocaleString('en') })}
            name="thesisMd"
            defaultValue={values.thesisMd ?? ''}
            error={errors.thesisMd}
            rows={8}
            maxLength={THESIS_MAX}
          />
          <TextAreaField
            id="new-thesis-zh"
            label={t('bilingual.thesisZh')}
            name="thesisZhMd"
            defaultValue={values.thesisZhMd ?? ''}
            error={errors.thesisZhMd}
            rows={8}
            maxLength={THESIS_MAX}
            lang="zh-CN"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('themeEdit.create')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
