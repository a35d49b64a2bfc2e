// pdf.js's parser half ships without types; extract-pdf.server.ts uses this one entry.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: unknown): void }
}
