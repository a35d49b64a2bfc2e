// The server renders pages, exports and charts in either language, so it holds both; the
// browser loads only the reader's (see index.ts). Code outside React that translates on the
// server imports makeTranslate from here, which guarantees both languages are registered.
import { messages as en } from './en.ts'
import { makeTranslate, registerMessages, translate } from './index.ts'
import { messages as zhCN } from './zh-CN.ts'

registerMessages('en', en)
registerMessages('zh-CN', zhCN)

export { makeTranslate, translate }
