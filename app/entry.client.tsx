import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'

import { isLocale, loadMessages } from '#app/i18n/index.ts'

// Hydration must render the words the server sent, so the reader's messages (the language
// in <html lang>, set by the root) load first; the browser never loads the other language
// unless the reader switches. If they cannot load, the server's page stays as it is: its
// links and forms work without scripts.
const lang = document.documentElement.lang
loadMessages(isLocale(lang) ? lang : 'en').then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      )
    }),
  (error: unknown) => console.error('[i18n] could not load the messages; the page stays without scripts', error),
)
