import { z } from 'zod'

import { sameTag } from '#app/utils/watchlist-view.ts'

import { IdSchema, optionalText, rawText, requiredText } from './common.ts'
import { EditVersionSchema } from './edit-version.ts'

// Forms of the watchlist pages. Shared by server and browser: field errors are message
// keys (see app/schemas/common.ts).

export const MAX_TAGS = 20
export const MAX_TAG_LENGTH = 40
export const MAX_RATIONALE = 2000
export const MAX_NOTES = 20000
export const MAX_REASON = 2000
export const MAX_COMPANY_TEXT = 200

export const REGIONS = ['domestic', 'overseas'] as const
export const VENDOR_TYPES = ['big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform'] as const

/**
 * Tags as people type them ("Video, 2C，大模型、 big tech") -> ['Video', '2C', '大模型',
 * 'big-tech']: full-width forms folded, spaces as hyphens, case kept as typed (2C is a
 * business model, not "2c"); duplicates in any case dropped, the first spelling kept.
 * Chinese commas and the enumeration comma separate too, because a Chinese IME types them.
 */
export function parseTags(text: string): { ok: true; tags: string[] } | { ok: false; error: string } {
  const tags: string[] = []
  const seen = new Set<string>()
  for (const raw of text.normalize('NFKC').split(/[,;，；、\n]/u)) {
    const tag = raw.trim().replace(/\s+/gu, '-')
    if (!tag) continue
    if (tag.length > MAX_TAG_LENGTH) return { ok: false, error: `watchlists.tagTooLong?max=${MAX_TAG_LENGTH}` }
    if (seen.has(sameTag(tag))) continue
    seen.add(sameTag(tag))
    tags.push(tag)
    // Stop at once: every further tag would be compared with all the others (quadratic).
    if (tags.length > MAX_TAGS) return { ok: false, error: `watchlists.tooManyTags?max=${MAX_TAGS}` }
  }
  return { ok: true, tags }
}

/** The tags field before it is read: room for every tag at its longest, with separators. */
export const MAX_TAGS_TEXT = MAX_TAGS * (MAX_TAG_LENGTH + 2)

export const TagsSchema = rawText(MAX_TAGS_TEXT)
  .optional()
  .transform((value, ctx) => {
    const parsed = parseTags(value ?? '')
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }
    return parsed.tags
  })

// "" (the "no theme" option) and a missing field both mean no theme.
const OptionalThemeId = z
  .union([z.literal('').transform(() => null), IdSchema], { error: 'validation.invalid' })
  .optional()
  .transform((value) => value ?? null)

export const WatchlistCreateSchema = z.object({
  name: requiredText(200),
  description: optionalText(2000),
  themeId: OptionalThemeId,
})

const EntryFields = {
  rationale: optionalText(MAX_RATIONALE),
  notes: optionalText(MAX_NOTES),
  tags: TagsSchema,
}

export const WatchlistPageSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('add'), company: requiredText(MAX_COMPANY_TEXT), ...EntryFields }),
    z.object({ intent: z.literal('editEntry'), entryId: IdSchema, ...EntryFields, version: EditVersionSchema }),
    z.object({ intent: z.literal('remove'), entryId: IdSchema, reason: requiredText(MAX_REASON) }),
    z.object({ intent: z.literal('update'), name: requiredText(200), description: optionalText(2000), themeId: OptionalThemeId }),
    z.object({ intent: z.literal('archive') }),
    z.object({ intent: z.literal('unarchive') }),
  ],
  { error: 'validation.invalid' },
)
export type WatchlistPageInput = z.output<typeof WatchlistPageSchema>

const Checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === '1')

// The file itself is read separately (it may be up to 5 MB); these are the other fields.
export const WatchlistImportSchema = z
  .object({
    intent: z.enum(['preview', 'import'], { error: 'validation.invalid' }),
    createMissing: Checkbox,
    region: z
      .enum(REGIONS, { error: 'validation.choice' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    vendorType: z
      .enum(VENDOR_TYPES, { error: 'validation.choice' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((value, ctx) => {
    // The missing companies get one region and vendor type chosen here; without them
    // there is nothing to create them with.
    if (value.createMissing && !value.region) ctx.addIssue({ code: 'custom', path: ['region'], message: 'watchlists.import.chooseRegion' })
    if (value.createMissing && !value.vendorType)
      ctx.addIssue({ code: 'custom', path: ['vendorType'], message: 'watchlists.import.chooseVendorType' })
  })
export type WatchlistImportOptions = z.output<typeof WatchlistImportSchema>

export const ExportFormatSchema = z.enum(['csv', 'xlsx'])
