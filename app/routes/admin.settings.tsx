import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'

import { Field, fieldError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormData } from '#app/http/forms.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { demoTeamSummary, removeDemoTeam } from '#app/models/account/index.server.ts'
import { getTeamTimeZone, setTeamTimeZone } from '#app/models/ops/index.server.ts'
import { getDisagreementRuleKind, getDisagreementThreshold, setDisagreementRuleKind } from '#app/models/scoring/index.server.ts'
import { SettingsSchema, validTimeZones } from '#app/schemas/admin.ts'
import { DisagreementRuleFormSchema } from '#app/schemas/scoring.ts'
import { DISAGREEMENT_RULES } from '#app/scoring/consensus.ts'
import scoringStyles from '#app/styles/scoring.css'

// The disagreement rule's options reuse the scoring pages' level-option look.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.settings')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const [timeZone, demo, rule, spread] = await Promise.all([
    getTeamTimeZone(context.db),
    demoTeamSummary(context.db),
    getDisagreementRuleKind(context.db),
    getDisagreementThreshold(context.db),
  ])
  return json({ timeZone, zones: [...validTimeZones], demo, rule, spread })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const actor = { id: me.id, ip: context.clientIp }
  const form = await readFormData(request)
  if (form.get('intent') === 'removeDemoTeam') {
    const removed = await removeDemoTeam(context.db, actor)
    return json({ ok: true as const, removed })
  }
  if (form.get('intent') === 'disagreementRule') {
    const rule = await parseForm(request, DisagreementRuleFormSchema, form)
    if (!rule.ok) return badRequest(rule)
    await setDisagreementRuleKind(context.db, actor, rule.data.rule)
    return json({ ok: true as const, removed: null })
  }
  const parsed = await parseForm(request, SettingsSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  await setTeamTimeZone(context.db, actor, parsed.data.timeZone)
  return json({ ok: true as const, removed: null })
}

export default function SettingsPage() {
  const { t } = useI18n()
  const { timeZone, zones, demo, rule, spread } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && !result.ok ? (result.errors as Record<string, string>) : {}
  return (
    <div className="stack-lg">
      <section className="narrow card">
        <h1>{t('settings.title')}</h1>
        {result?.ok ? (
          <p className="notice" role="status">
            {result.removed ? t('settings.demoRemoved', result.removed) : t('common.saved')}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <Field
            label={t('settings.timeZone')}
            name="timeZone"
            defaultValue={timeZone}
            hint={t('settings.timeZoneHint')}
            error={errors.timeZone}
            list="time-zones"
          />
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
      <section className="narrow card stack" aria-labelledby="disagreement-rule-heading">
        <h2 id="disagreement-rule-heading">{t('consensus.settings.heading')}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="disagreementRule" />
          <fieldset className="level-options">
            <legend className="muted small">{t('consensus.settings.intro')}</legend>
            {DISAGREEMENT_RULES.map((kind) => (
              <label key={kind} className="level-option">
                <input type="radio" name="rule" value={kind} defaultChecked={rule === kind} />
                <span>{kind === 'range' ? t('consensus.settings.range', { threshold: spread }) : t('consensus.settings.iqr')}</span>
              </label>
            ))}
            {errors.rule ? <p className="field-error">{fieldError(t, errors.rule)}</p> : null}
          </fieldset>
          <button type="submit" className="primary">
            {t('consensus.settings.save')}
          </button>
        </Form>
      </section>
      {demo.analysts > 0 ? (
        <section className="narrow card stack" aria-labelledby="demo-team-heading">
          <h2 id="demo-team-heading">{t('settings.demoTeam')}</h2>
          <p>{t('settings.demoTeamBody', demo)}</p>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="removeDemoTeam"
              className="danger"
              onClick={(event) => {
                if (!window.confirm(t('settings.removeDemoTeamConfirm'))) event.preventDefault()
              }}
            >
              {t('settings.removeDemoTeam')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
