import { z } from 'zod'

import { FRAMEWORK_TEMPLATES } from '#app/scoring/framework-templates.ts'

import { IdSchema, optionalText, requiredText } from './common.ts'
import { SlugSchema } from './scoring.ts'

// Forms of a theme's scoring framework (decision 036): the template a new theme starts
// from, and the framework page's edits of items, dimensions and the rubric.

/** The form always sends one; a client that sends none gets today's default, AI modalities. */
export const FrameworkTemplateSchema = z.object({
  template: z.enum(FRAMEWORK_TEMPLATES, { error: 'framework.templateRequired' }).default('ai-modalities'),
})

const vocabulary = {
  slug: SlugSchema,
  nameEn: requiredText(100),
  nameZh: requiredText(100),
  descriptionEn: optionalText(2000),
  descriptionZh: optionalText(2000),
  position: z.coerce
    .number({ error: 'validation.invalid' })
    .int({ error: 'validation.invalid' })
    .min(-1000, { error: 'validation.invalid' })
    .max(1000, { error: 'validation.invalid' }),
}
const kind = z.enum(['modality', 'dimension'], { error: 'validation.choice' })

export const FrameworkFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('addVocabulary'), kind, ...vocabulary }),
    z.object({ intent: z.literal('updateVocabulary'), kind, id: IdSchema, ...vocabulary }),
    z.object({
      intent: z.literal('archiveVocabulary'),
      kind,
      id: IdSchema,
      archived: z.enum(['true', 'false']).transform((v) => v === 'true'),
    }),
    z.object({ intent: z.literal('rubric'), rubricId: IdSchema }),
  ],
  { error: 'validation.invalid' },
)
