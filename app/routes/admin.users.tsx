import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'

import { InviteCreated } from '#app/components/admin/invite-created.tsx'
import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  changeUserRole,
  createInvite,
  createPasswordReset,
  listPendingInvites,
  listUsers,
  revokeInvite,
  setUserDisabled,
} from '#app/models/account/index.server.ts'
import { UserAdminSchema } from '#app/schemas/auth.ts'
import { type Role, ROLES } from '#app/utils/permissions.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.users')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const [users, invites] = await Promise.all([listUsers(context.db), listPendingInvites(context.db)])
  return json({ meId: me.id, users, invites })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const parsed = await parseForm(request, UserAdminSchema)
  if (!parsed.ok) return badRequest(parsed)
  const actor = { id: me.id, ip: context.clientIp }
  const input = parsed.data
  // Links leave the app (sent by chat or mail): PUBLIC_URL when set, not a Host header a proxy passed on.
  const linkTo = (path: string) => (context.publicUrl ? `${context.publicUrl}${path}` : new URL(path, request.url).toString())
  try {
    switch (input.intent) {
      case 'invite': {
        const invite = await createInvite(context.db, actor, { email: input.email, role: input.role })
        const link = linkTo(`/invite/${invite.token}`)
        return json({ ok: true as const, invite: { email: invite.email, role: invite.role, link }, reset: null })
      }
      case 'resetLink': {
        const reset = await createPasswordReset(context.db, actor, input.userId)
        const link = linkTo(`/reset/${reset.token}`)
        return json({ ok: true as const, invite: null, reset: { name: reset.displayName, email: reset.email, link } })
      }
      case 'changeRole':
        await changeUserRole(context.db, actor, input.userId, input.role)
        break
      case 'disable':
        await setUserDisabled(context.db, actor, input.userId, true)
        break
      case 'enable':
        await setUserDisabled(context.db, actor, input.userId, false)
        break
      case 'revokeInvite':
        await revokeInvite(context.db, actor, input.inviteId)
        break
    }
    return json({ ok: true as const, invite: null, reset: null })
  } catch (error) {
    return refusalResponse(error)
  }
}

export default function UsersPage() {
  const { t, locale, timeZone } = useI18n()
  const { meId, users, invites } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const created = result && result.ok ? result.invite : null
  const reset = result && result.ok ? result.reset : null
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.intro')}</p>
      </header>
      <FormError error={errors.form} />
      {reset ? (
        <div className="notice" role="status">
          <p>{t('users.resetLinkCreated', { name: reset.name, email: reset.email })}</p>
          <input
            className="copy-field reset-link"
            readOnly
            value={reset.link}
            aria-label={t('users.resetLink')}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <section className="card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabledAt ? 'is-disabled' : undefined}>
                <td>
                  {user.displayName} {user.id === meId ? <span className="badge">{t('users.you')}</span> : null}
                </td>
                <td>{user.email}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="userId" value={user.id} />
                    <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                      {t('users.changeRole')}
                    </label>
                    <RoleSelect id={`role-${user.id}`} role={user.role} result={result} />
                    <button type="submit" className="small">
                      {t('common.save')}
                    </button>
                  </Form>
                </td>
                <td>{user.disabledAt ? t('users.disabled') : t('users.active')}</td>
                <td>
                  <div className="inline-form">
                    {user.id !== meId ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value={user.disabledAt ? 'enable' : 'disable'} />
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className="small">
                          {user.disabledAt ? t('users.enable') : t('users.disable')}
                        </button>
                      </Form>
                    ) : null}
                    {user.disabledAt ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="resetLink" />
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className="small" aria-label={t('users.resetLinkFor', { name: user.displayName })}>
                          {t('users.resetLink')}
                        </button>
                      </Form>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t('users.inviteTitle')}</h2>
        {created ? <InviteCreated invite={created} /> : null}
        {/* A new key after each invitation empties the form for the next person. */}
        <Form method="post" className="row-form" key={created?.link ?? 'invite'}>
          <input type="hidden" name="intent" value="invite" />
          <Field label={t('users.email')} name="email" type="email" required error={errors.email} />
          <div className="field">
            <label htmlFor="invite-role">{t('users.role')}</label>
            <select id="invite-role" name="role" defaultValue="analyst">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {labelOf(t, 'role', role)}
                </option>
              ))}
            </select>
            {errors.role ? <p className="field-error">{fieldError(t, errors.role)}</p> : null}
          </div>
          <button type="submit" className="primary">
            {t('users.inviteSubmit')}
          </button>
        </Form>
        <h3>{t('users.pendingInvites')}</h3>
        {invites.length === 0 ? (
          <p className="muted">{t('users.noPendingInvites')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.expires')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td>{invite.email}</td>
                  <td>{labelOf(t, 'role', invite.role)}</td>
                  <td>{formatDateTime(locale, invite.expiresAt, timeZone)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revokeInvite" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <button type="submit" className="small">
                        {t('users.revoke')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}

/**
 * The role picker shows the stored role again after any answer, so a refused change
 * (demoting the last administrator) does not leave the refused value on screen.
 */
function RoleSelect({ id, role, result }: { id: string; role: Role; result: unknown }) {
  const { t } = useI18n()
  const [value, setValue] = useState(role)
  useEffect(() => setValue(role), [role, result])
  return (
    <select id={id} name="role" value={value} onChange={(e) => setValue(e.currentTarget.value as Role)}>
      {ROLES.map((option) => (
        <option key={option} value={option}>
          {labelOf(t, 'role', option)}
        </option>
      ))}
    </select>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
