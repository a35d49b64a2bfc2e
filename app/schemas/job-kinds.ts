// Job kinds the pages name in the users' words. Not a .server module: the job page's
// component needs them in the browser too (a .server import is empty there).
export const INGEST_FILES_JOB_KIND = 'documents.ingest-files'
export const RESCAN_JOB_KIND = 'documents.rescan'
export const WEBHOOK_DELIVERY_JOB_KIND = 'webhook.deliver'
/** One daily or weekly digest of mention alerts to one webhook. */
export const WEBHOOK_DIGEST_JOB_KIND = 'webhook.digest'
/** Bring one company's stored mentions up to date after its aliases or review rules changed. */
export const REMATCH_COMPANY_JOB_KIND = 'rematch-company'
