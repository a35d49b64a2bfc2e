// Every English message, assembled from app/i18n/messages: one module per key prefix
// (the key `watchlists.import.tooLarge` lives in messages/watchlists.import.ts if that
// module exists, otherwise in messages/watchlists.ts), each holding both languages side by
// side. A new module is listed here and in zh-CN.ts. The key set is the contract: the type
// checker and app/i18n/i18n.test.ts hold both languages to it. {name} placeholders are
// filled by t(); the values are plain text, never HTML.
import { en as admin } from './messages/admin.ts'
import { en as aliasKind } from './messages/aliasKind.ts'
import { en as aliasLanguage } from './messages/aliasLanguage.ts'
import { en as app } from './messages/app.ts'
import { en as audit } from './messages/audit.ts'
import { en as auth } from './messages/auth.ts'
import { en as common } from './messages/common.ts'
import { en as companies } from './messages/companies.ts'
import { en as company } from './messages/company.ts'
import { en as companyEdit } from './messages/companyEdit.ts'
import { en as companyRole } from './messages/companyRole.ts'
import { en as documents } from './messages/documents.ts'
import { en as error } from './messages/error.ts'
import { en as exposure } from './messages/exposure.ts'
import { en as feeds } from './messages/feeds.ts'
import { en as home } from './messages/home.ts'
import { en as invite } from './messages/invite.ts'
import { en as jobs } from './messages/jobs.ts'
import { en as listing } from './messages/listing.ts'
import { en as meeting } from './messages/meeting.ts'
import { en as mentions } from './messages/mentions.ts'
import { en as nav } from './messages/nav.ts'
import { en as region } from './messages/region.ts'
import { en as role } from './messages/role.ts'
import { en as scoringAdmin } from './messages/scoring.admin.ts'
import { en as scoringError } from './messages/scoring.error.ts'
import { en as scoringMoved } from './messages/scoring.moved.ts'
import { en as scoring } from './messages/scoring.ts'
import { en as search } from './messages/search.ts'
import { en as settings } from './messages/settings.ts'
import { en as setup } from './messages/setup.ts'
import { en as stance } from './messages/stance.ts'
import { en as status } from './messages/status.ts'
import { en as theme } from './messages/theme.ts'
import { en as themeEditAudit } from './messages/themeEdit.audit.ts'
import { en as themeEditField } from './messages/themeEdit.field.ts'
import { en as themeEdit } from './messages/themeEdit.ts'
import { en as users } from './messages/users.ts'
import { en as validation } from './messages/validation.ts'
import { en as vendor } from './messages/vendor.ts'
import { en as watchlistsImport } from './messages/watchlists.import.ts'
import { en as watchlists } from './messages/watchlists.ts'
import { en as webhooks } from './messages/webhooks.ts'

export const messages = {
  ...admin,
  ...aliasKind,
  ...aliasLanguage,
  ...app,
  ...audit,
  ...auth,
  ...common,
  ...companies,
  ...company,
  ...companyEdit,
  ...companyRole,
  ...documents,
  ...error,
  ...exposure,
  ...feeds,
  ...home,
  ...invite,
  ...jobs,
  ...listing,
  ...meeting,
  ...mentions,
  ...nav,
  ...region,
  ...role,
  ...scoring,
  ...scoringAdmin,
  ...scoringError,
  ...scoringMoved,
  ...search,
  ...settings,
  ...setup,
  ...stance,
  ...status,
  ...theme,
  ...themeEdit,
  ...themeEditAudit,
  ...themeEditField,
  ...users,
  ...validation,
  ...vendor,
  ...watchlists,
  ...watchlistsImport,
  ...webhooks,
}
