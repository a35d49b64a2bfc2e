import { describe, expect, it } from 'vitest'

import { splitBilingualName } from './bilingual-name.ts'

describe('splitBilingualName', () => {
  it.each([
    ['Pixel Dreams 像素梦工厂', { nameEn: 'Pixel Dreams', nameZh: '像素梦工厂' }],
    ['像素梦工厂 Pixel Dreams', { nameEn: 'Pixel Dreams', nameZh: '像素梦工厂' }],
    ['腾讯（Tencent）', { nameEn: 'Tencent', nameZh: '腾讯' }],
    ['Tencent (腾讯控股)', { nameEn: 'Tencent', nameZh: '腾讯控股' }],
    ['  Zhipu   AI 智谱  ', { nameEn: 'Zhipu AI', nameZh: '智谱' }],
  ])('puts the Chinese part of %s in the Chinese field', (text, expected) => {
    expect(splitBilingualName(text)).toEqual(expected)
  })

  it('fills the Chinese field with a name written only in Chinese (the English field cannot be empty)', () => {
    expect(splitBilingualName('像素梦工厂')).toEqual({ nameEn: '像素梦工厂', nameZh: '像素梦工厂' })
    expect(splitBilingualName('智谱AI')).toEqual({ nameEn: '智谱AI', nameZh: '智谱AI' })
    // Two Latin letters are part of the Chinese name, not an English name.
    expect(splitBilingualName('智谱 AI')).toEqual({ nameEn: '智谱 AI', nameZh: '智谱 AI' })
  })

  it('leaves an English name in the English field only', () => {
    expect(splitBilingualName('Pixel Dreams')).toEqual({ nameEn: 'Pixel Dreams', nameZh: '' })
  })
})
