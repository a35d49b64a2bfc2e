import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ADMIN, ANALYST_EMAIL, MEMBER_PASSWORD, setUpTeam, switchLanguage, type Team } from './team.ts'

// Two analysts edit the multimodal-AI thesis from the same page load, each in their own
// browser context. The first save wins; the second is refused with the other person's
// text next to your own, which stays in the form, and saving again replaces theirs on
// purpose. Once with JavaScript (the form posts through a fetcher), in English and in
// Chinese at projector size, and once with JavaScript off (a plain post).

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

const THEME = '/themes/multimodal-ai'
// The thesis in both languages (the other one sits behind its toggle), the part behind "show all" included.
const thesisText = (page: Page) => page.locator('.thesis > .bilingual')

/** Opens the theme page and its thesis editor; returns the textarea. */
async function openThesis(page: Page): Promise<Locator> {
  await page.goto(`${team.app.url}${THEME}`)
  // "Edit thesis" or "编辑投资逻辑": the language is each person's own setting.
  await page.locator('.thesis-edit > summary').click()
  const textarea = page.locator('#thesis-md')
  await textarea.waitFor()
  return textarea
}

const save = (page: Page) => page.locator('.thesis-edit button[value="thesis"]').click()

describe('two analysts saving the same thesis', () => {
  it('keeps the first save, shows the second person both texts, and saves theirs on purpose', async () => {
    const ana = await team.join(team.analystLink, 'Ana Analyst')
    const lin = await team.signIn(ADMIN.email, ADMIN.password)
    const anaBox = await openThesis(ana.page)
    const linBox = await openThesis(lin.page)
    const original = await anaBox.inputValue()
    expect(await linBox.inputValue()).toBe(original)

    // Ana saves first, with JavaScript: her text is the thesis now.
    await anaBox.fill(`${original}\n\nAna: video has moved to the breakthrough level.`)
    await save(ana.page)
    await expect.poll(() => thesisText(ana.page).textContent()).toContain('Ana: video has moved')

    // Lin, still on the version both opened, saves his own change and is refused.
    const linText = original.replace('Progress is uneven across modalities.', 'Progress is very uneven; video leads.')
    expect(linText).not.toBe(original)
    await linBox.fill(linText)
    await save(lin.page)
    const notice = lin.page.locator('.thesis .edit-conflict')
    await notice.waitFor()
    expect(await lin.page.locator('#thesis-md-error').textContent()).toContain('Someone else saved this while you were editing')
    expect(await linBox.inputValue()).toBe(linText)
    // The diff runs from Ana's text to Lin's: hers struck through, his marked.
    expect((await notice.locator('del').allTextContents()).join(' ')).toContain('breakthrough')
    expect((await notice.locator('ins').allTextContents()).join(' ')).toContain('very')
    expect(await notice.locator('.edit-conflict-theirs textarea').inputValue()).toContain('Ana: video has moved')
    // The page behind the form shows what is saved: Ana's text, not Lin's.
    expect(await thesisText(lin.page).textContent()).toContain('Ana: video has moved')
    await notice.scrollIntoViewIfNeeded()
    await lin.page.screenshot({ path: artifact('edit-conflict-thesis-en.png') })

    // Having read Ana's text, Lin saves again: now from her version, so his replaces it.
    await save(lin.page)
    await expect.poll(() => thesisText(lin.page).textContent()).toContain('Progress is very uneven; video leads.')
    expect(await lin.page.locator('.edit-conflict').count()).toBe(0)
    await ana.page.reload()
    expect(await thesisText(ana.page).textContent()).not.toContain('Ana: video has moved')

    // The same in Chinese: Ana saves again, Lin (now reading in Chinese) is refused.
    await switchLanguage(lin.page)
    const linBoxZh = await openThesis(lin.page)
    const anaBox2 = await openThesis(ana.page)
    await anaBox2.fill(`${await anaBox2.inputValue()}\n\n安娜：视频生成已进入突破期。`)
    await save(ana.page)
    await expect.poll(() => thesisText(ana.page).textContent()).toContain('安娜')
    await linBoxZh.fill(`${await linBoxZh.inputValue()}\n\n林：文本数据将先于视频数据耗尽。`)
    await save(lin.page)
    const noticeZh = lin.page.locator('.thesis .edit-conflict')
    await noticeZh.waitFor()
    expect(await noticeZh.textContent()).toContain('此期间他人保存的版本')
    expect(await linBoxZh.inputValue()).toContain('林：文本数据将先于视频数据耗尽。')
    await noticeZh.scrollIntoViewIfNeeded()
    await lin.page.screenshot({ path: artifact('edit-conflict-thesis-zh.png') })

    expect(team.problems).toEqual([])
    await ana.context.close()
    await lin.context.close()
  })

  it('refuses a stale plain post (no JavaScript) the same way and keeps the typed text', async () => {
    const plain = await team.signIn(ANALYST_EMAIL, MEMBER_PASSWORD, { javaScriptEnabled: false })
    const lin = await team.signIn(ADMIN.email, ADMIN.password)
    const plainBox = await openThesis(plain.page)
    const linBox = await openThesis(lin.page)
    await linBox.fill(`${await linBox.inputValue()}\n\nLin: one more line.`)
    await save(lin.page)
    await expect.poll(() => thesisText(lin.page).textContent()).toContain('Lin: one more line.')

    const typed = `${await plainBox.inputValue()}\n\nTyped without JavaScript.`
    await plainBox.fill(typed)
    await save(plain.page)
    const notice = plain.page.locator('.thesis .edit-conflict')
    await notice.waitFor()
    // Browsers post line breaks as CRLF; the form shows the text as it was sent.
    expect((await plain.page.locator('#thesis-md').inputValue()).replace(/\r\n/g, '\n')).toBe(typed)
    expect((await notice.locator('del').allTextContents()).join(' ')).toContain('more')
    await save(plain.page)
    await expect.poll(() => thesisText(plain.page).textContent()).toContain('Typed without JavaScript.')
    expect(await thesisText(plain.page).textContent()).not.toContain('Lin: one more line.')
    await plain.context.close()
    await lin.context.close()
  })
})
