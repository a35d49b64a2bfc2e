import { describe, expect, it } from 'vitest'

import { splitSnippet } from './company-mentions.tsx'

describe('marking a mention in its snippet', () => {
  it('marks only the mention when its place is known', () => {
    expect(splitSnippet('Meitu and Meitu again', 'Meitu', 10)).toEqual([
      { text: 'Meitu and ', hit: false },
      { text: 'Meitu', hit: true },
      { text: ' again', hit: false },
    ])
  })
  it('falls back to every occurrence of the alias, ignoring case', () => {
    expect(splitSnippet('<b>MEITU</b> 美图 meitu', 'Meitu', null)).toEqual([
      { text: '<b>', hit: false },
      { text: 'MEITU', hit: true },
      { text: '</b> 美图 ', hit: false },
      { text: 'meitu', hit: true },
    ])
  })
})
