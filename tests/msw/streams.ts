/**
 * A response body of about `totalBytes`, made of one chunk repeated and sent without a
 * Content-Length: size limits must then be enforced while streaming.
 */
export function repeatedBody(chunkText: string, totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(chunkText)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close()
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}
