import { json, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import {
  type ClientLoaderFunctionArgs,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'

import { AppHeader } from '#app/components/app-header.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { getOptionalUser, resolveLocale } from '#app/http/auth.server.ts'
import { readColorScheme } from '#app/http/color-scheme.server.ts'
import { useNonce } from '#app/http/csp-nonce.tsx'
import { defaultLocale, loadMessages } from '#app/i18n/index.ts'
import { countUsers } from '#app/models/account/index.server.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import styles from '#app/styles/app.css'
import { isoWeekOf } from '#app/utils/iso-week.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

const OPEN_PATHS = ['/setup', '/login', '/invite/']

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const user = await getOptionalUser(request, context)
  if (!user && !OPEN_PATHS.some((p) => url.pathname.startsWith(p))) {
    // An empty install starts at the setup page; otherwise everything needs a sign-in.
    if ((await countUsers(context.db)) === 0) throw redirect('/setup')
  }
  const [locale, timeZone, colorScheme] = await Promise.all([
    resolveLocale(request, user),
    getTeamTimeZone(context.db),
    readColorScheme(request),
  ])
  return json({
    user,
    locale,
    timeZone,
    colorScheme,
    currentWeek: isoWeekOf(new Date(), timeZone),
  })
}

// The browser holds only the reader's language. When new root data speaks another one (the
// /language action, signing in as someone who reads the other), its messages load before
// React renders with it, so no page shows keys or mixes languages. The first render uses
// the server's data as it is (entry.client.tsx loaded its language).
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>()
  await loadMessages(data.locale)
  return data
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? defaultLocale()
  const scheme = data?.colorScheme
  const nonce = useNonce()
  return (
    <html lang={locale} data-theme={scheme && scheme !== 'system' ? scheme : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <ErrorPage status={status} data={isRouteErrorResponse(error) ? error.data : undefined} />
      </main>
    </>
  )
}
