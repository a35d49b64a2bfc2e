import { z } from 'zod'

import { optionalText } from './common.ts'
import { EditVersionSchema } from './edit-version.ts'
import { MEETING_TEXT_MAX } from './meeting-limits.ts'

// The lead's notes and action items for a meeting (markdown, rendered sanitised). Named
// .server so the meeting page's browser bundle does not carry zod (~90 KB gzip): a module
// that builds a schema at load time cannot be tree-shaken out.
export const MeetingNotesSchema = z.object({
  notesMd: optionalText(MEETING_TEXT_MAX),
  actionsMd: optionalText(MEETING_TEXT_MAX),
  version: EditVersionSchema,
})

/** What a post to the meeting page does: save the notes (the default), close the weeks before it, or open them again. */
export const MeetingIntentSchema = z.object({
  intent: z.enum(['notes', 'close', 'open', 'themes']).default('notes'),
})

/** The further themes a meeting covers, by slug (none: only its own). */
export const MeetingThemesSchema = z.object({
  themes: z.union([z.string(), z.array(z.string())]).optional(),
})
