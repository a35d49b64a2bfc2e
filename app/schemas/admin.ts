import { z } from 'zod'

// The admin pages' queries and forms.

/** The audit log's paging and filter; a bad value is ignored, not refused. */
export const AuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
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
