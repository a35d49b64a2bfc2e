// The message port between pdf.js's API and its parser when both run in one thread, as on
// Node. pdf.js's own (LoopbackPort) copies every message with structuredClone, which costs
// a few microseconds a call even for a tiny object: a 100-page report sends some 36,000
// messages (text arrives in chunks of a few items, each with its own pull and reply), and
// the copies took about 40% of extraction. This port copies plain objects and arrays in
// JavaScript instead, and hands anything else (typed arrays not transferred, errors,
// Maps, class instances) to structuredClone, so receivers see what they saw before.
//
// Copying is still needed: pdf.js reuses a sent object (a text chunk's holder gets new
// items right after it is sent, before the message is delivered).

type Listener = (event: { data: unknown }) => void

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function copy(value: unknown, transferred: ReadonlySet<unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], transferred)
    return out
  }
  // A transferred buffer now belongs to the receiver: the sender no longer touches it.
  if (transferred.has(value) || (ArrayBuffer.isView(value) && transferred.has(value.buffer))) return value
  if (!isPlainObject(value)) return structuredClone(value)
  const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {}
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key], transferred)
  return out
}

const NOTHING: ReadonlySet<unknown> = new Set()

/** One object for both ends, as pdf.js's LoopbackPort: each side's handler ignores the other's messages. */
export class InThreadPdfPort {
  private readonly listeners = new Set<Listener>()
  private readonly delivered = Promise.resolve()

  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    const event = { data: copy(message, transfer?.length ? new Set(transfer) : NOTHING) }
    // Delivered asynchronously and in order, as a real port would.
    void this.delivered.then(() => {
      for (const listener of this.listeners) listener.call(this, event)
    })
  }

  addEventListener(_name: 'message', listener: Listener): void {
    this.listeners.add(listener)
  }

  removeEventListener(_name: 'message', listener: Listener): void {
    this.listeners.delete(listener)
  }

  terminate(): void {
    this.listeners.clear()
  }
}
