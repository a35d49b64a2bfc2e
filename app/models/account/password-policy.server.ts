import type { MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core'

import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'

// What a new password must be beyond 12-200 characters (app/schemas/common.ts): not one of
// the commonest passwords, not a repetition, sequence or keyboard walk, not the person's own
// name or email. zxcvbn-ts estimates how many guesses a password takes from those same
// patterns (its lists: ~49,000 leaked passwords, English words and names, keyboard layouts);
// we ask for score 3, "safely unguessable" (about 10^8 guesses and up). See
// docs/decisions/023-password-rules-from-zxcvbn.md.

type PasswordRule = 'common' | 'repetitive' | 'keyboard' | 'personal' | 'weak'

const PASSWORD_REFUSALS: RefusalTable<PasswordRule> = {
  common: { key: 'auth.passwordCommon', status: 400, field: 'password' },
  repetitive: { key: 'auth.passwordRepetitive', status: 400, field: 'password' },
  keyboard: { key: 'auth.passwordKeyboard', status: 400, field: 'password' },
  personal: { key: 'auth.passwordPersonal', status: 400, field: 'password' },
  weak: { key: 'auth.passwordWeak', status: 400, field: 'password' },
}

export class PasswordRuleError extends Refusal {
  declare readonly reason: PasswordRule

  constructor(reason: PasswordRule) {
    super(reason, refusalFrom(PASSWORD_REFUSALS, reason))
  }
}

const MIN_SCORE = 3
/**
 * zxcvbn's matching grows faster than linearly with length: 200 random characters took
 * ~0.5 s here, and each digit or symbol that could stand for a letter (l33t) multiplies the
 * spellings it looks up. The first 40 characters and 10 substitutions bound one check to
 * tens of milliseconds (measured in tests/passwords.test.ts); a prefix that is already hard
 * to guess makes the whole password at least as hard.
 */
const CHECKED_LENGTH = 40
const L33T_SUBSTITUTIONS = 10
/** Parts of a name or email shorter than this are too common inside other words to refuse. */
const MIN_PERSONAL_PART = 3
/** A password that is the person's name or email plus fewer than this many letters or digits. */
const MIN_OWN_CHARACTERS = 6

let factory: Promise<ZxcvbnFactory> | undefined

/**
 * Loaded on first use, not at start-up: the word lists cost ~60 MB and ~0.3-1 s to rank,
 * and most app processes never see a new password.
 */
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ])
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      maxLength: CHECKED_LENGTH,
      l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
    })
  })().catch((error: unknown) => {
    factory = undefined
    throw error
  })
  return factory
}

export interface PasswordOwner {
  email?: string | null
  displayName?: string | null
}

/** The pieces of a name and an email a password should not be made of, lower-cased. */
function personalParts(owner: PasswordOwner): string[] {
  const parts = new Set<string>()
  const add = (value: string) => {
    const v = value.toLowerCase().trim()
    if ([...v].length >= MIN_PERSONAL_PART) parts.add(v)
  }
  const email = owner.email ?? ''
  const [local = '', domain = ''] = email.split('@')
  add(email)
  add(local)
  for (const piece of local.split(/[._+-]/)) add(piece)
  add(domain.split('.')[0] ?? '')
  const name = owner.displayName ?? ''
  add(name.replace(/\s/g, ''))
  for (const piece of name.split(/\s/)) add(piece)
  return [...parts].sort((a, b) => b.length - a.length)
}

/** True when little is left of the password once the person's name and email are taken out. */
function isMostlyPersonal(password: string, parts: string[]): boolean {
  let rest = password.toLowerCase()
  for (const part of parts) rest = rest.split(part).join('')
  const own = [...rest].filter((ch) => /[\p{L}\p{N}]/u.test(ch))
  return own.length < MIN_OWN_CHARACTERS && rest.length < password.length
}

/** Why the estimate is low, from the longest pattern zxcvbn found. */
function reasonFor(sequence: MatchExtended[]): PasswordRule {
  const longest = [...sequence].sort((a, b) => b.token.length - a.token.length)[0]
  if (!longest) return 'weak'
  switch (longest.pattern) {
    case 'repeat':
    case 'sequence':
      return 'repetitive'
    case 'spatial':
      return 'keyboard'
    case 'dictionary':
      if (longest.dictionaryName === 'userInputs') return 'personal'
      // The leaked-password list ('passwords-common'); other lists are words and names.
      return String(longest.dictionaryName).startsWith('passwords') ? 'common' : 'weak'
    default:
      return 'weak'
  }
}

/** The reason a new password is refused, or null if it is acceptable. */
export async function passwordProblem(password: string, owner: PasswordOwner = {}): Promise<PasswordRule | null> {
  const parts = personalParts(owner)
  if (isMostlyPersonal(password, parts)) return 'personal'
  const result = (await estimator()).check(password.slice(0, CHECKED_LENGTH), parts)
  if (result.score >= MIN_SCORE) return null
  return reasonFor(result.sequence)
}

/** Throws a PasswordRuleError (400, next to the password field) unless the password is acceptable. */
export async function assertAcceptablePassword(password: string, owner: PasswordOwner = {}): Promise<void> {
  const problem = await passwordProblem(password, owner)
  if (problem) throw new PasswordRuleError(problem)
}
