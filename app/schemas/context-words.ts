import { z } from 'zod'

import { normaliseText } from '#app/utils/normalise.ts'

import { rawText } from './common.ts'

// Lists of words people type into one field: an alias's negative context (words that,
// nearby, mean a match is not the company: 水果 next to 苹果) and a theme's topic words
// (视频生成, video generation: context that admits an ambiguous alias). Words may hold
// spaces ("city block"), so they are separated by commas, 、, semicolons or new lines.

export const NEGATIVE_CONTEXT_MAX_WORDS = 20
export const TOPIC_WORDS_MAX_WORDS = 50
/** A context word is a word or a short phrase, never a sentence. */
export const CONTEXT_WORD_MAX_LENGTH = 40

const SEPARATORS = /[,，、;；\n\r]+/u

/**
 * The words of a list as typed: trimmed, inner white space collapsed, empty entries
 * dropped, and a word that differs from an earlier one only in case or width (Fruit,
 * ｆｒｕｉｔ) dropped, keeping the first spelling.
 */
export function splitContextWords(text: string): string[] {
  const seen = new Set<string>()
  const words: string[] = []
  for (const part of text.split(SEPARATORS)) {
    const word = part.replace(/\s+/gu, ' ').trim()
    const key = normaliseText(word)
    if (!key || seen.has(key)) continue
    seen.add(key)
    words.push(word)
  }
  return words
}

/** The list as one field's text, the way the form shows it. */
export function joinContextWords(words: readonly string[]): string {
  return words.join(', ')
}

/**
 * A form field holding such a list. Absent gives undefined (an edit that does not send the
 * field keeps the stored list); present, it gives the words, refused with a message naming
 * the limit when there are too many or one is too long.
 */
export function contextWordsField(maxWords: number) {
  return rawText(maxWords * (CONTEXT_WORD_MAX_LENGTH + 2))
    .optional()
    .transform((text) => (text === undefined ? undefined : splitContextWords(text)))
    .superRefine((words, ctx) => {
      if (!words) return
      if (words.length > maxWords) ctx.addIssue({ code: 'custom', message: `alias.tooManyWords?max=${maxWords}` })
      if (words.some((word) => word.length > CONTEXT_WORD_MAX_LENGTH))
        ctx.addIssue({ code: 'custom', message: `alias.wordTooLong?max=${CONTEXT_WORD_MAX_LENGTH}` })
    })
}

export const TopicWordsSchema = z.object({
  intent: z.literal('topicWords'),
  topicWords: contextWordsField(TOPIC_WORDS_MAX_WORDS).transform((words) => words ?? []),
})
export type TopicWordsInput = z.output<typeof TopicWordsSchema>
