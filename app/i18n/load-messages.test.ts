import { describe, expect, it } from 'vitest'

import { defaultLocale, loadMessages, translate } from './index.ts'

// What the browser sees: index.ts alone holds no language until one is loaded, and loading
// one does not bring the other.
describe('loading messages in the browser', () => {
  it('speaks only the loaded language, and remembers it as the default', async () => {
    expect(translate('zh-CN', 'nav.home')).toBe('nav.home')
    await loadMessages('zh-CN')
    expect(translate('zh-CN', 'nav.home')).toBe('主题')
    expect(translate('en', 'nav.home')).toBe('nav.home')
    expect(defaultLocale()).toBe('zh-CN')
    await loadMessages('en')
    expect(translate('en', 'nav.home')).toBe('Themes')
    expect(defaultLocale()).toBe('en')
  })
})
