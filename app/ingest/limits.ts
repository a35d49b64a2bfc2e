// How much one upload may bring: shared by the HTTP upload handler, the ingest service and the CLI.

export const MB = 1024 * 1024
export const MAX_FILE_BYTES = 50 * MB
/** A folder of reports: more than a handful goes to a background job (see BULK_MIN_FILES). */
export const MAX_FILES = 200
/** Kept file bytes per request: twenty files at the limit would not fit in memory. */
export const MAX_KEPT_BYTES = 200 * MB
/** Everything read from one request, kept or not; larger requests are refused up front by Content-Length. */
export const MAX_REQUEST_BYTES = 1024 * MB
/** Pasted text: about two thousand pages. */
export const MAX_FIELD_BYTES = 10 * MB
