import { z } from 'zod'

// The version a form was opened at (app/utils/edit-conflict.ts). A form without one
// (a script, a page from before versions existed) saves as before: last write wins.
export const EditVersionSchema = z
  .union([
    z.literal('').transform(() => undefined),
    z.coerce
      .number({ error: 'validation.invalid' })
      .int({ error: 'validation.invalid' })
      .min(0, { error: 'validation.invalid' })
      .max(2_147_483_647, { error: 'validation.invalid' }),
  ])
  .optional()
