import { useEffect, useId, useRef, useState } from 'react'

import { FieldFooter, useFieldDescription } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'

// The one way to name a company in a form (vendor map, segment, watchlist): a type-ahead
// over names, aliases and tickers, asking /companies/match (the header search) as the
// person types, with "create the company" when nothing matches. It follows the ARIA
// combobox pattern (arrows move, Enter picks, Esc closes; aria-activedescendant). Picking
// writes the company's name into the box, so the form posts the same text field as
// without JavaScript, and the server resolves it as before.

export interface PickerMatch {
  id: number
  nameEn: string
  nameZh: string
  tickers: string[]
  matchedBy: 'ticker' | 'alias' | 'name'
  matchedText: string
}

interface Props {
  id: string
  name: string
  label: string
  hint?: string
  error?: string
  defaultValue?: string
  required?: boolean
}

const WAIT_MS = 150

export function CompanyPicker({ id, name, label, hint, error, defaultValue = '', required }: Props) {
  const { t, locale } = useI18n()
  const listId = `${useId()}-list`
  const [text, setText] = useState(defaultValue)
  const [matches, setMatches] = useState<PickerMatch[]>([])
  const [asked, setAsked] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const createRef = useRef<HTMLAnchorElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  // The field's own hint (what may be typed), then how to use the list.
  const fullHint = [hint, t('picker.hint')].filter(Boolean).join(' ')
  const { message, describedBy } = useFieldDescription(id, error, fullHint)

  useEffect(() => setText(defaultValue), [defaultValue])
  // A form reset after a successful add empties the box, as it would an uncontrolled one.
  useEffect(() => {
    const form = inputRef.current?.form
    if (!form) return
    const onReset = () => setText('')
    form.addEventListener('reset', onReset)
    return () => form.removeEventListener('reset', onReset)
  }, [])
  useEffect(() => {
    const query = text.trim()
    if (!open || !query) return
    const abort = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/companies/match?q=${encodeURIComponent(query)}`, { signal: abort.signal, headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? res.json() : { companies: [] }))
        .then((body: { companies: PickerMatch[] }) => {
          setMatches(body.companies)
          setAsked(query)
          setActive(body.companies.length ? 0 : -1)
        })
        .catch(() => {
          // Aborted by the next keystroke, or offline: the box still posts what was typed.
        })
    }, WAIT_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [text, open])

  const query = text.trim()
  const shown = open && query !== '' && asked === query
  // The options: the matches, or one "create" option when there are none.
  const count = matches.length || 1
  const optionId = (i: number) => `${listId}-${i}`
  const pick = (m: PickerMatch) => {
    setText(localName(locale, m))
    setOpen(false)
    setActive(-1)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a < 0 ? (step > 0 ? 0 : count - 1) : (a + step + count) % count))
    } else if (event.key === 'Enter' && shown && active >= 0) {
      // Enter picks the highlighted option instead of sending the form.
      event.preventDefault()
      if (matches[active]) pick(matches[active])
      else createRef.current?.click()
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  return (
    <div className={`field company-picker${message ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="picker-box">
        <input
          ref={inputRef}
          id={id}
          name={name}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setOpen(true)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          required={required}
          maxLength={200}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
        />
        <ul id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!shown}>
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault()
                pick(m)
              }}
            >
              <span>{localName(locale, m)}</span>
              <span className="muted small"> {[locale === 'zh-CN' ? m.nameEn : m.nameZh, ...m.tickers].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {matches.length === 0 ? (
            <li id={optionId(0)} role="option" aria-selected={active === 0} className={active === 0 ? 'is-active' : undefined}>
              <span className="muted small">{t('picker.noMatch', { text: asked })} </span>
              <a
                ref={createRef}
                href={`/companies/new?name=${encodeURIComponent(asked)}`}
                target="_blank"
                rel="noreferrer"
                title={t('picker.createHint')}
                onMouseDown={(e) => e.preventDefault()}
              >
                {t('picker.create', { text: asked })}
              </a>
            </li>
          ) : null}
        </ul>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {shown && matches.length ? t('picker.results', { count: matches.length }) : ''}
      </p>
      <FieldFooter id={id} hint={fullHint} message={message} />
    </div>
  )
}
