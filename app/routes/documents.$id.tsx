import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useMemo, useState } from 'react'

import { DocumentDetailsForm } from '#app/components/documents/document-details-form.tsx'
import { HighlightedText, type MentionSpan } from '#app/components/documents/highlighted-text.tsx'
import { MentionReviewPanel } from '#app/components/documents/mention-review-panel.tsx'
import { SearchMatches } from '#app/components/documents/search-matches.tsx'
import { describeConfidence, describeRule } from '#app/components/mentions/mention-review.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, formError, type FormFailure, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse, requireFound, requireIdParam } from '#app/http/refusal.server.ts'
import { formatDate, formatDateTime, formatNumber, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  deleteDocument,
  documentSearchMatches,
  getDocumentWithMentions,
  updateDocumentMetadata,
} from '#app/models/document/index.server.ts'
import { listMentionReasons } from '#app/models/mentions/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import { DocumentActionSchema } from '#app/schemas/documents.ts'
import docsearchStyles from '#app/styles/docsearch.css'
import styles from '#app/styles/documents.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: docsearchStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.document.title } : 'nav.documents')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const id = requireIdParam(params.id, 'documents.notFound')
  const found = requireFound(await getDocumentWithMentions(context.db, id), 'documents.notFound', { id: String(id) })
  const canEdit = roleAllows(user.role, 'analyst')
  const reasons = new Map((await listMentionReasons(context.db, id)).map((r) => [r.id, r]))
  // Archived themes stay choosable when the document already has them.
  const themes = canEdit
    ? (await listThemes(context.db)).filter((t) => t.status !== 'archived' || found.themes.some((d) => d.id === t.id))
    : []
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 1_000).trim()
  return json({
    ...found,
    searchMatches: q ? documentSearchMatches(found.document.body, q) : null,
    // Why each mention counted (the rule, its confidence): on hover and in the review panel.
    mentions: found.mentions.map((m) => {
      const why = reasons.get(m.id)
      return {
        ...m,
        rule: why?.rule ?? 'name',
        ruleDetail: why?.ruleDetail ?? null,
        confidence: why?.confidence ?? 'high',
        confirmed: why?.confirmed ?? false,
      }
    }),
    canDelete: canEdit,
    canReview: canEdit,
    canEdit,
    themeChoices: themes.map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const id = { data: requireIdParam(params.id, 'documents.notFound') }
  const parsed = await parseForm(request, DocumentActionSchema)
  if (!parsed.ok) return badRequest(parsed)
  const input = parsed.data
  if (input.intent === 'edit') {
    const values = { title: input.title, publisher: input.publisher, publishedOn: input.publishedOn ?? '', tags: input.tags }
    try {
      const saved = await updateDocumentMetadata(context.db, { id: user.id, ip: context.clientIp }, id.data, {
        ...values,
        publishedOn: input.publishedOn || null,
        tags: input.tags.split(/[,，、;；]/),
        themeIds: input.themeIds,
      })
      if (!saved) return formError('form', 'documents.notFound?id=' + id.data, {}, 404)
    } catch (error) {
      return refusalResponse(error, values)
    }
    return json({ ok: true as const })
  }
  const deleted = await deleteDocument(context.db, { id: user.id, ip: context.clientIp }, id.data)
  if (!deleted) return formError('form', 'documents.notFound?id=' + id.data, {}, 404)
  return redirect('/documents?deleted=1')
}

const LANG_ATTR = { zh: 'zh-CN', en: 'en', mixed: undefined } as const

export default function DocumentPage() {
  const { t, locale, timeZone } = useI18n()
  const {
    document: doc,
    themes,
    mentions,
    companies,
    canDelete,
    canEdit,
    canReview,
    themeChoices,
    searchMatches,
  } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as FormFailure | { ok: true } | undefined
  const [focus, setFocus] = useState<number | null>(null)
  const [picked, setPicked] = useState<number | null>(null)
  const [search] = useSearchParams()
  const location = useLocation()
  const reviewed = search.get('done')
  const pickedMention = picked === null ? undefined : mentions.find((m) => m.start === picked)
  const byId = useMemo(() => new Map(companies.map((c) => [c.id, c])), [companies])
  const firstStart = useMemo(() => {
    const first = new Map<number, number>()
    for (const m of mentions) if (!first.has(m.companyId)) first.set(m.companyId, m.start)
    return first
  }, [mentions])
  const byStart = useMemo(() => new Map(mentions.map((m) => [m.start, m])), [mentions])
  const companyName = (companyId: number) => {
    const company = byId.get(companyId)
    return company ? localName(locale, { nameEn: company.name, nameZh: company.nameZh }) : '?'
  }
  // Hover text: the alias, the company, why it counted and how sure the engine was.
  const describe = (span: MentionSpan) => {
    const m = byStart.get(span.start)
    if (!m) return t('documents.mentionOf', { company: companyName(span.companyId), alias: span.aliasText })
    return t('review.why', {
      alias: m.aliasText,
      company: companyName(m.companyId),
      rule: m.confirmed ? t('review.confirmedBy') : describeRule(t, m.rule, m.ruleDetail),
      confidence: describeConfidence(t, m.confidence),
    })
  }
  return (
    <article className="stack document-page">
      <header className="page-header doc-header">
        <div className="doc-header-main">
          <h1>{doc.title}</h1>
          <p className="chips doc-meta">
            {doc.publisher ? <span className="doc-publisher">{doc.publisher}</span> : null}
            {doc.publishedOn ? <span className="nowrap">{formatDate(locale, doc.publishedOn)}</span> : null}
            <span className={`badge lang-${doc.language}`}>{labelOf(t, 'documents.lang', doc.language)}</span>
            {themes.map((theme) => (
              <Link key={theme.id} to={`/themes/${theme.slug}`} className="chip">
                {localName(locale, theme)}
              </Link>
            ))}
            {doc.tags.map((tag) => (
              <Link key={tag} to={`/documents?tag=${encodeURIComponent(tag)}`} className="chip">
                #{tag}
              </Link>
            ))}
          </p>
          <p className="muted small doc-provenance">
            {doc.fileName ? (
              <span>
                {t('documents.file')}: {doc.fileName}
              </span>
            ) : null}
            {doc.sourceUrl && /^https?:\/\//i.test(doc.sourceUrl) ? (
              <a href={doc.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t('documents.source')}
              </a>
            ) : null}
            {doc.feedTitle ? <span>{t('documents.fromFeed', { name: doc.feedTitle })}</span> : null}
            <span>
              {doc.createdByName
                ? t('documents.addedBy', { name: doc.createdByName, date: formatDateTime(locale, doc.createdAt, timeZone) })
                : t('documents.addedOn', { date: formatDateTime(locale, doc.createdAt, timeZone) })}
            </span>
            <span title={doc.contentHash}>
              {t('documents.hash')}: <code>{doc.contentHash.slice(0, 12)}</code>
            </span>
          </p>
        </div>
        {canDelete ? (
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t('documents.deleteConfirm', { count: mentions.length }))) event.preventDefault()
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="danger-button">
              {t('documents.delete')}
            </button>
          </Form>
        ) : null}
      </header>
      {reviewed ? (
        <p className="notice" role="status">
          {reviewed === 'rejected'
            ? t('review.rejectedCount', { count: Number(search.get('removed') ?? 0) })
            : reviewed === 'confirmed'
              ? t('review.confirmedDone')
              : t('review.undone')}
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t('documents.detailsSaved')}
        </p>
      ) : null}
      {canEdit ? (
        <DocumentDetailsForm
          key={`${doc.title}|${doc.publisher}|${doc.publishedOn}|${doc.tags.join(',')}|${themes.map((th) => th.id).join(',')}`}
          document={doc}
          themeIds={themes.map((th) => th.id)}
          themes={themeChoices}
          errors={result && !result.ok ? result.errors : {}}
          values={result && !result.ok ? result.values : {}}
          open={Boolean(result && !result.ok)}
        />
      ) : null}
      {searchMatches ? <SearchMatches view={searchMatches} containerSelector=".doc-text" /> : null}
      <div className="doc-layout">
        <section className="card doc-text-card" aria-labelledby="doc-text-heading">
          <h2 id="doc-text-heading">{t('documents.textHeading')}</h2>
          <p className="field-hint">{t('documents.textHint')}</p>
          <div className="doc-text" lang={LANG_ATTR[doc.language]} tabIndex={0}>
            <HighlightedText
              text={doc.body}
              mentions={mentions}
              focusCompanyId={focus}
              describe={describe}
              onPick={(m) => setPicked(picked === m.start ? null : m.start)}
              pickedStart={picked}
            />
          </div>
        </section>
        <aside className="card doc-companies" aria-labelledby="doc-companies-heading">
          <MentionReviewPanel
            mention={pickedMention ? { ...pickedMention, companyName: companyName(pickedMention.companyId) } : undefined}
            canReview={canReview}
            redirectTo={location.pathname}
            onClose={() => setPicked(null)}
          />
          <h2 id="doc-companies-heading">
            {t('documents.byCompany')} <span className="muted small">({formatNumber(locale, mentions.length)})</span>
          </h2>
          {companies.length === 0 ? (
            <p className="muted">{t('documents.noMentions')}</p>
          ) : (
            <ul className="doc-company-list">
              {companies.map((company) => {
                const name = localName(locale, { nameEn: company.name, nameZh: company.nameZh })
                return (
                  <li key={company.id} className={focus === company.id ? 'is-focus' : undefined}>
                    <button
                      type="button"
                      className="doc-company-pick"
                      aria-pressed={focus === company.id}
                      title={t('documents.pickCompany', { name })}
                      onClick={() => setFocus(focus === company.id ? null : company.id)}
                    >
                      <span className="doc-company-name">{name}</span>
                      <span className="doc-company-count">{formatNumber(locale, company.count)}</span>
                    </button>
                    <span className="doc-company-links small">
                      <Link to={`/companies/${company.id}`}>{t('documents.companyPage')}</Link>
                      {firstStart.has(company.id) ? (
                        <a href={`#mention-${firstStart.get(company.id)}`}>{t('documents.firstMention')}</a>
                      ) : null}
                    </span>
                  </li>
                )
              })}
            </ul>
          )}
          {focus !== null ? (
            <button type="button" className="small" onClick={() => setFocus(null)}>
              {t('documents.showAll')}
            </button>
          ) : null}
        </aside>
      </div>
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
