import { z } from 'zod'

import { COLOR_SCHEMES } from '#app/utils/color-scheme.ts'

// The reader's preferences, kept in cookies so they work before sign-in.

export const ColorSchemeSchema = z.object({
  scheme: z.enum(COLOR_SCHEMES, { error: 'validation.invalid' }),
  redirectTo: z.string().optional(),
})
