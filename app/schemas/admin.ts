import { z } from 'zod'

// The admin pages' queries and forms.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)))
  .optional()
  .catch(undefined)

/** The audit log's paging and filters; a bad value is ignored, not refused. Days are in the team time zone. */
export const AuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  user: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(40).optional().catch(undefined),
  from: day,
  to: day,
})

export const validTimeZones = new Set(Intl.supportedValuesOf('timeZone'))
export const SettingsSchema = z.object({
  timeZone: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(64, { error: 'validation.tooLong?max=64' })
    .refine((tz) => validTimeZones.has(tz) || tz === 'UTC', { error: 'settings.invalidTimeZone' }),
})
