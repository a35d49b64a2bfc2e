import { Form, Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'

// The "New names" page's table: each name with its counts, where it appears (document
// links and snippets, the name marked) and, for analysts, the ways to decide about it.
// Snippets are document text: rendered as React text, never as HTML.

export interface NewNameSightingView {
  documentId: number
  title: string
  snippet: string
  matchStart: number
  matchEnd: number
}

export interface NewNameView {
  id: number
  text: string
  language: 'zh' | 'en'
  kind: 'org' | 'product'
  owner: { id: number; nameEn: string; nameZh: string } | null
  mentions: number
  documents: number
  sightings: NewNameSightingView[]
}

function Snippet({ s }: { s: NewNameSightingView }) {
  return (
    <p className="snippet-text">
      {s.snippet.slice(0, s.matchStart)}
      <mark>{s.snippet.slice(s.matchStart, s.matchEnd)}</mark>
      {s.snippet.slice(s.matchEnd)}
    </p>
  )
}

function Decide({ name }: { name: NewNameView }) {
  const { t, locale } = useI18n()
  return (
    <div className="new-name-actions">
      {name.kind === 'product' && name.owner ? (
        <Form method="post">
          <input type="hidden" name="id" value={name.id} />
          <button type="submit" name="intent" value="addProduct" className="primary small">
            {t('newnames.addProduct', { company: localName(locale, name.owner) })}
          </button>
        </Form>
      ) : null}
      <Link className="button small" to={`/companies/new?newName=${name.id}`}>
        {t('newnames.addCompany')}
      </Link>
      <Form method="post">
        <input type="hidden" name="id" value={name.id} />
        <button type="submit" name="intent" value="dismiss" className="small">
          {t('newnames.dismiss')}
        </button>
      </Form>
    </div>
  )
}

export function NewNameList({ names, canDecide }: { names: NewNameView[]; canDecide: boolean }) {
  const { t, locale } = useI18n()
  return (
    <table className="data-table new-names">
      <thead>
        <tr>
          <th scope="col">{t('newnames.name')}</th>
          <th scope="col" className="num">
            {t('newnames.mentions')}
          </th>
          <th scope="col" className="num">
            {t('newnames.documents')}
          </th>
          <th scope="col">{t('newnames.where')}</th>
          {canDecide ? <th scope="col">{t('newnames.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name.id}>
            <th scope="row" className="new-name">
              <span lang={name.language === 'zh' ? 'zh-CN' : 'en'}>{name.text}</span>
              <span className="new-name-tags">
                <span className="badge">{t(`newnames.kind.${name.kind}`)}</span>{' '}
                <span className="badge">{t(`newnames.lang.${name.language}`)}</span>
              </span>
              {name.owner ? (
                <span className="small muted">
                  <Link to={`/companies/${name.owner.id}`}>{t('newnames.productOf', { company: localName(locale, name.owner) })}</Link>
                </span>
              ) : null}
            </th>
            <td className="num">{name.mentions}</td>
            <td className="num">{name.documents}</td>
            <td>
              <ul className="snippets">
                {name.sightings.map((s) => (
                  <li key={s.documentId}>
                    <Link to={`/documents/${s.documentId}`}>{s.title}</Link>
                    <Snippet s={s} />
                  </li>
                ))}
              </ul>
              {name.documents > name.sightings.length ? (
                <p className="small muted">{t('newnames.moreDocuments', { count: name.documents - name.sightings.length })}</p>
              ) : null}
            </td>
            {canDecide ? (
              <td>
                <Decide name={name} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
