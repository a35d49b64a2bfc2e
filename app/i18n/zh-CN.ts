// 简体中文: every Chinese message, assembled like en.ts (which has the same keys).
import type { messages as en } from './en.ts'
import { zhCN as admin } from './messages/admin.ts'
import { zhCN as aliasKind } from './messages/aliasKind.ts'
import { zhCN as aliasLanguage } from './messages/aliasLanguage.ts'
import { zhCN as app } from './messages/app.ts'
import { zhCN as audit } from './messages/audit.ts'
import { zhCN as auth } from './messages/auth.ts'
import { zhCN as common } from './messages/common.ts'
import { zhCN as companies } from './messages/companies.ts'
import { zhCN as company } from './messages/company.ts'
import { zhCN as companyEdit } from './messages/companyEdit.ts'
import { zhCN as companyRole } from './messages/companyRole.ts'
import { zhCN as documents } from './messages/documents.ts'
import { zhCN as error } from './messages/error.ts'
import { zhCN as exposure } from './messages/exposure.ts'
import { zhCN as feeds } from './messages/feeds.ts'
import { zhCN as home } from './messages/home.ts'
import { zhCN as invite } from './messages/invite.ts'
import { zhCN as jobs } from './messages/jobs.ts'
import { zhCN as listing } from './messages/listing.ts'
import { zhCN as meeting } from './messages/meeting.ts'
import { zhCN as mentions } from './messages/mentions.ts'
import { zhCN as nav } from './messages/nav.ts'
import { zhCN as region } from './messages/region.ts'
import { zhCN as role } from './messages/role.ts'
import { zhCN as scoringAdmin } from './messages/scoring.admin.ts'
import { zhCN as scoringError } from './messages/scoring.error.ts'
import { zhCN as scoringMoved } from './messages/scoring.moved.ts'
import { zhCN as scoring } from './messages/scoring.ts'
import { zhCN as search } from './messages/search.ts'
import { zhCN as settings } from './messages/settings.ts'
import { zhCN as setup } from './messages/setup.ts'
import { zhCN as stance } from './messages/stance.ts'
import { zhCN as status } from './messages/status.ts'
import { zhCN as theme } from './messages/theme.ts'
import { zhCN as themeEditAudit } from './messages/themeEdit.audit.ts'
import { zhCN as themeEditField } from './messages/themeEdit.field.ts'
import { zhCN as themeEdit } from './messages/themeEdit.ts'
import { zhCN as users } from './messages/users.ts'
import { zhCN as validation } from './messages/validation.ts'
import { zhCN as vendor } from './messages/vendor.ts'
import { zhCN as watchlistsImport } from './messages/watchlists.import.ts'
import { zhCN as watchlists } from './messages/watchlists.ts'
import { zhCN as webhooks } from './messages/webhooks.ts'

export const messages: Record<keyof typeof en, string> = {
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
