import type { MessageKey, Translate } from './index.ts'

// Enum values shown to people (region, vendor type, role, job status...) each have a
// message under a prefix: `region.domestic`. labelOf() checks at compile time that the
// value is one the prefix has a message for, so no call site needs an `as MessageKey` cast.

/** The values that have a message under `prefix.` */
export type LabelValue<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Value}`
    ? Value
    : never
  : never

export function labelOf<Prefix extends string>(t: Translate, prefix: Prefix, value: LabelValue<Prefix>): string {
  return t(`${prefix}.${value}` as MessageKey)
}
