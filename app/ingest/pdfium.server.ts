import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

import type { WrappedPdfiumModule } from '@embedpdf/pdfium'

import { IngestError } from './ingest-error.ts'

// PDFium (Chrome's PDF engine) compiled to WebAssembly, one instance per thread, loaded on
// first use (~0.1 s). Decision 051: it reads a report's text about twice as fast as pdf.js
// did, without pdf.js's second of start-up and JIT warm-up in each worker.

/** FPDF_GetLastError's answer for a document that needs a password. */
const FPDF_ERR_PASSWORD = 4
/**
 * A hostile file can make PDFium grow its WebAssembly memory up to 4 GB, which is never
 * given back while the instance lives: past this, the instance is dropped after the file.
 */
const MAX_KEPT_HEAP_BYTES = 512 * 1024 * 1024
/** Pages read between yields, so that a thread reading a PDF in-thread still answers requests. */
const PAGES_PER_TURN = 8

let engine: Promise<WrappedPdfiumModule> | undefined
/** Set once an instance was dropped: its memory stays reserved until the thread ends (see worker.mjs). */
let dropped = false

/** Whether this thread dropped a PDFium instance that grew too big or broke. */
export function pdfiumInstanceDropped(): boolean {
  return dropped
}

let pageRead: (() => void) | undefined

/** Called once the file is open and after each page read: a worker tells the pool, which stops a reader stalled on one page (decision 051). */
export function onPdfiumPageRead(listener: (() => void) | undefined): void {
  pageRead = listener
}

function loadEngine(): Promise<WrappedPdfiumModule> {
  engine ??= (async () => {
    const { init } = await import('@embedpdf/pdfium')
    const wasmBinary = await readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'))
    const pdfium = await init({
      wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength),
      // What PDFium says when a file breaks it ("Cannot enlarge memory..."), marked as its.
      print: (line: string) => console.warn('[pdfium]', line),
      printErr: (line: string) => console.warn('[pdfium]', line),
    })
    pdfium.PDFiumExt_Init()
    return pdfium
  })().catch((error: unknown) => {
    engine = undefined
    throw error
  })
  return engine
}

/** Forgets this instance (if it is still the current one): the next file gets a new one. */
function dropEngine(pdfium: WrappedPdfiumModule): void {
  dropped = true
  void engine?.then((current) => {
    if (current === pdfium) engine = undefined
  })
}

/** The instance's memory view (emscripten's HEAPU8; its type comes from @types/emscripten, which we do not install). */
function heapOf(pdfium: WrappedPdfiumModule) {
  return pdfium.pdfium as WrappedPdfiumModule['pdfium'] & { readonly HEAPU8: Uint8Array }
}

const utf16 = new TextDecoder('utf-16le')

/** An open document: its page count, each page's text and its info dictionary. */
export interface PdfiumDocument {
  readonly pageCount: number
  /** The text of page `index` (0-based), lines ending in \n; '' for a page PDFium cannot read. */
  pageText(index: number): string
  /** An info dictionary entry (Title, Author, CreationDate...), or null when absent or empty. */
  info(key: string): string | null
}

function openDocument(pdfium: WrappedPdfiumModule, handle: number): PdfiumDocument {
  const heap = heapOf(pdfium)
  const readUtf16 = (pointer: number, bytes: number) => utf16.decode(heap.HEAPU8.subarray(pointer, pointer + bytes))
  return {
    pageCount: pdfium.FPDF_GetPageCount(handle),
    pageText(index) {
      const page = pdfium.FPDF_LoadPage(handle, index)
      if (!page) return ''
      const textPage = pdfium.FPDFText_LoadPage(page)
      try {
        if (!textPage) return ''
        const chars = pdfium.FPDFText_CountChars(textPage)
        if (chars <= 0) return ''
        const buffer = heap.wasmExports.malloc((chars + 1) * 2)
        try {
          const written = pdfium.FPDFText_GetText(textPage, 0, chars, buffer)
          // Lines end in \r\n; `written` counts the closing NUL. A hyphen that ends a line
          // comes as U+FFFE with no line break: put both back, for clean-text.ts to decide
          // whether the word was split (compa-ny) or is a compound (Kuaishou-listed).
          return readUtf16(buffer, Math.max(0, written - 1) * 2)
            .replace(/\r\n?/g, '\n')
            .replace(/\ufffe\n?/g, '-\n')
        } finally {
          heap.wasmExports.free(buffer)
        }
      } finally {
        if (textPage) pdfium.FPDFText_ClosePage(textPage)
        pdfium.FPDF_ClosePage(page)
      }
    },
    info(key) {
      const bytes = pdfium.FPDF_GetMetaText(handle, key, 0, 0)
      if (bytes <= 2) return null
      const buffer = heap.wasmExports.malloc(bytes)
      try {
        pdfium.FPDF_GetMetaText(handle, key, buffer, bytes)
        return readUtf16(buffer, bytes - 2) || null
      } finally {
        heap.wasmExports.free(buffer)
      }
    },
  }
}

/**
 * Opens `bytes` with PDFium and runs fn on the document, closing it after. An encrypted
 * file is refused as encryptedPdf, one PDFium cannot open (or that breaks it) as corruptPdf.
 */
export async function withPdfium<T>(bytes: Uint8Array, fn: (doc: PdfiumDocument) => Promise<T>): Promise<T> {
  const pdfium = await loadEngine()
  const heap = heapOf(pdfium)
  let file = 0
  let handle = 0
  let broken = false
  try {
    file = heap.wasmExports.malloc(bytes.length)
    heap.HEAPU8.set(bytes, file)
    handle = pdfium.FPDF_LoadMemDocument(file, bytes.length, '')
    pageRead?.()
    if (!handle) throw new IngestError(pdfium.FPDF_GetLastError() === FPDF_ERR_PASSWORD ? 'encryptedPdf' : 'corruptPdf')
    return await fn(openDocument(pdfium, handle))
  } catch (error) {
    if (error instanceof IngestError) throw error
    // An abort (out of memory, a trap) leaves the instance unusable: the next file gets a new one.
    broken = error instanceof WebAssembly.RuntimeError || /abort/i.test(String(error))
    throw new IngestError('corruptPdf')
  } finally {
    if (!broken) {
      if (handle) pdfium.FPDF_CloseDocument(handle)
      if (file) heap.wasmExports.free(file)
    }
    if (broken || heap.HEAPU8.length > MAX_KEPT_HEAP_BYTES) dropEngine(pdfium)
  }
}

/** Pages from..to (1-based, inclusive), yielding to the event loop now and then. */
export async function pageTexts(doc: PdfiumDocument, from: number, to: number): Promise<string[]> {
  const pages: string[] = []
  for (let n = from; n <= to; n++) {
    pages.push(doc.pageText(n - 1))
    pageRead?.()
    if ((n - from) % PAGES_PER_TURN === PAGES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve))
  }
  return pages
}
