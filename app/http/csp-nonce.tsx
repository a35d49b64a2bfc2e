import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of the page being rendered (security-headers.server.ts):
// entry.server.tsx provides it, root.tsx puts it on Remix's inline scripts. In the browser
// there is none to provide (browsers hide it after load) and React does not need it again.
const NonceContext = createContext<string | undefined>(undefined)

export const NonceProvider = NonceContext.Provider

export function useNonce(): string | undefined {
  return useContext(NonceContext)
}
