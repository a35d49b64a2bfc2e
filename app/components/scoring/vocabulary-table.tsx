import { Form } from '@remix-run/react'

import { useI18n } from '#app/i18n/index.ts'

// A theme's items or dimensions on its framework page: each row edits in place (slug,
// names, an item's description in both languages, order) and archives or brings back;
// the last row adds a new one.

export interface VocabularyRow {
  id: number
  slug: string
  nameEn: string
  nameZh: string
  descriptionEn?: string
  descriptionZh?: string
  position: number
  archivedAt: string | null
}

export function VocabularyTable({ kind, rows, title }: { kind: 'modality' | 'dimension'; rows: VocabularyRow[]; title: string }) {
  const { t } = useI18n()
  const nextPosition = rows.reduce((max, r) => Math.max(max, r.position), 0) + 1
  const cells = (row: Partial<VocabularyRow>, formId: string) => (
    <>
      <td>
        <input form={formId} name="slug" defaultValue={row.slug} required maxLength={63} aria-label={t('scoring.admin.slug')} />
      </td>
      <td>
        <input form={formId} name="nameEn" defaultValue={row.nameEn} required maxLength={100} aria-label={t('scoring.admin.nameEn')} />
      </td>
      <td>
        <input form={formId} name="nameZh" defaultValue={row.nameZh} required maxLength={100} aria-label={t('scoring.admin.nameZh')} />
      </td>
      {kind === 'modality' ? (
        <>
          <td>
            <input
              form={formId}
              name="descriptionEn"
              defaultValue={row.descriptionEn}
              maxLength={2000}
              aria-label={t('framework.descriptionEn')}
            />
          </td>
          <td>
            <input
              form={formId}
              name="descriptionZh"
              defaultValue={row.descriptionZh}
              maxLength={2000}
              aria-label={t('framework.descriptionZh')}
            />
          </td>
        </>
      ) : null}
      <td>
        <input form={formId} name="position" type="number" defaultValue={row.position} required aria-label={t('scoring.admin.position')} />
      </td>
    </>
  )
  return (
    <section className="card" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{title}</h2>
      <table className="data-table vocab-table">
        <thead>
          <tr>
            <th scope="col">{t('scoring.admin.slug')}</th>
            <th scope="col">{t('scoring.admin.nameEn')}</th>
            <th scope="col">{t('scoring.admin.nameZh')}</th>
            {kind === 'modality' ? (
              <>
                <th scope="col">{t('framework.descriptionEn')}</th>
                <th scope="col">{t('framework.descriptionZh')}</th>
              </>
            ) : null}
            <th scope="col">{t('scoring.admin.position')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const formId = `${kind}-${row.id}`
            return (
              <tr key={row.id} className={row.archivedAt ? 'is-archived' : undefined}>
                {cells(row, formId)}
                <td className="nowrap">
                  <Form method="post" id={formId} className="inline-form">
                    <input type="hidden" name="intent" value="updateVocabulary" />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" className="small">
                      {t('common.save')}
                    </button>
                  </Form>{' '}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="archiveVocabulary" />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="id" value={row.id} />
                    <input type="hidden" name="archived" value={row.archivedAt ? 'false' : 'true'} />
                    <button type="submit" className="small">
                      {row.archivedAt ? t('scoring.admin.unarchive') : t('scoring.admin.archive')}
                    </button>
                  </Form>
                </td>
              </tr>
            )
          })}
          {/* Keyed by the row count, so the add row starts empty again once its row is added. */}
          <tr key={`new-${rows.length}`}>
            {cells({ position: nextPosition }, `${kind}-new`)}
            <td>
              <Form method="post" id={`${kind}-new`} className="inline-form">
                <input type="hidden" name="intent" value="addVocabulary" />
                <input type="hidden" name="kind" value={kind} />
                <button type="submit" className="small primary">
                  {t('scoring.admin.add')}
                </button>
              </Form>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}
