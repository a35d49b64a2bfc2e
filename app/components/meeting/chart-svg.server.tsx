import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { ColorScheme } from '#app/utils/color-scheme.ts'

// The meeting page draws its charts on the server, once, as standalone SVG images:
// recharts stays out of the browser bundle (the page must ship <= 200 KB of JavaScript,
// recharts alone is ~120 KB gzip), the projector shows exactly what the PDF and the PNG
// export show, and an <img> of an SVG is inert (no script, no user HTML in the page).
// The chart components are the app's own (charts/*.tsx), given the locale as a prop (no
// route is rendering here, so nothing can come from the router); React escapes every text.

export interface ChartSvg {
  svg: string
  width: number
  height: number
}

// The palette of app.css, repeated here because an SVG image cannot see the page's CSS.
const LIGHT = {
  text: '#17202b',
  muted: '#5a6676',
  border: '#d7dde5',
  surface: '#ffffff',
  surface2: '#eef1f5',
  danger: '#b3261e',
  c8: '#000000',
}
const DARK = {
  text: '#e8edf3',
  muted: '#a3afbf',
  border: '#2f3b4a',
  surface: '#18202a',
  surface2: '#212b37',
  danger: '#ff8a80',
  c8: '#e8edf3',
}
const OKABE_ITO = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442']

const vars = (p: typeof LIGHT) =>
  `--text:${p.text};--muted:${p.muted};--border:${p.border};--surface:${p.surface};--surface-2:${p.surface2};--danger:${p.danger};` +
  OKABE_ITO.map((c, i) => `--c${i + 1}:${c};`).join('') +
  `--c8:${p.c8};`

function styleFor(scheme: ColorScheme): string {
  const font = `font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;`
  if (scheme === 'dark') return `svg{${vars(DARK)}${font}}`
  if (scheme === 'light') return `svg{${vars(LIGHT)}${font}}`
  return `svg{${vars(LIGHT)}${font}}@media (prefers-color-scheme: dark){svg{${vars(DARK)}}}`
}

// recharts writes coordinates to 15 digits ("179.9268292682927"); a tenth of a pixel is
// finer than any screen or the 2x PNG shows, and the shorter SVG is a third smaller, which
// every page render pays for twice (the image and the page's data). Digits after the first
// decimal are dropped in attribute values only: text stays as written.
const attributeValue = /="[^"]*"/g
const furtherDecimals = /(?<=\.\d)\d+/g
export const tightenCoordinates = (markup: string) =>
  markup.replace(attributeValue, (value) => (value.includes('.') ? value.replace(furtherDecimals, '') : value))

/** The chart's <svg> as a standalone document with the palette (transparent: it sits on the slide's colour). */
export function renderChartSvg(
  element: ReactElement,
  options: {
    scheme: ColorScheme
    width: number
    height: number
  },
): ChartSvg {
  const markup = renderToStaticMarkup(element)
  const match = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(markup)
  const inner = match ? tightenCoordinates(match[1]) : ''
  const { width, height } = options
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${styleFor(options.scheme)}</style>${inner}</svg>`
  return { svg, width, height }
}
