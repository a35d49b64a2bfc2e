// Each feature's messages: a module exporting `en` and `zhCN` objects with the same keys
// (checked by app/i18n/i18n.test.ts). Add a feature here with one import line.
import * as company from './companyEdit.ts'
import * as documents from './documents.ts'
import * as feeds from './feeds.ts'
import * as jobs from './jobs.ts'
import * as meeting from './meeting.ts'
import * as mentions from './mentions.ts'
import * as scoringAdmin from './scoring.admin.ts'
import * as scoring from './scoring.ts'
import * as themeEdit from './themeEdit.ts'
import * as watchlist from './watchlists.ts'

export const featureMessages = {
  feeds,
  jobs,
  documents,
  company,
  watchlist,
  themeEdit,
  scoring,
  scoringAdmin,
  meeting,
  mentions,
}
