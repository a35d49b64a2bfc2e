import { CopyButton } from '#app/components/copy-button.tsx'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { Role } from '#db/types.ts'

/** A new invitation: its link and a message ready to paste into mail or chat, each with a copy button. */
export function InviteCreated({ invite }: { invite: { email: string; role: Role; link: string } }) {
  const { t } = useI18n()
  const message = t('users.inviteMessageText', { role: labelOf(t, 'role', invite.role), link: invite.link })
  return (
    <div className="notice stack" role="status">
      <p>{t('users.inviteCreated', { email: invite.email })}</p>
      <div className="copy-row">
        <input className="copy-field" readOnly value={invite.link} aria-label={invite.email} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={invite.link} label={t('users.copyLink')} />
      </div>
      <label htmlFor="invite-message">{t('users.inviteMessage')}</label>
      <textarea id="invite-message" className="copy-message" readOnly rows={5} value={message} onFocus={(e) => e.currentTarget.select()} />
      <div>
        <CopyButton text={message} label={t('users.copyMessage')} />
      </div>
    </div>
  )
}
