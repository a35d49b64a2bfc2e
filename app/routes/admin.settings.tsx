import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { getTeamTimeZone, setTeamTimeZone } from '#app/models/setting.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { badRequest, parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.settings')

const validTimeZones = new Set(Intl.supportedValuesOf('timeZone'))
const SettingsSchema = z.object({
  timeZone: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(64, { error: 'validation.tooLong?max=64' })
    .refine((tz) => validTimeZones.has(tz) || tz === 'UTC', { error: 'settings.invalidTimeZone' }),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  return json({ timeZone: await getTeamTimeZone(context.db), zones: [...validTimeZones] })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const parsed = await parseForm(request, SettingsSchema)
  if (!parsed.ok) return badRequest(parsed)
  await setTeamTimeZone(context.db, { id: me.id, ip: context.clientIp }, parsed.data.timeZone)
  return json({ ok: true as const })
}

export default function SettingsPage() {
  const { t } = useI18n()
  const { timeZone, zones } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && !result.ok ? (result.errors as Record<string, string>) : {}
  return (
    <section className="narrow card">
      <h1>{t('settings.title')}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <Field label={t('settings.timeZone')} name="timeZone" defaultValue={timeZone} hint={t('settings.timeZoneHint')} error={errors.timeZone} list="time-zones" />
        <datalist id="time-zones">
          {zones.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </Form>
    </section>
  )
}
