// 简体中文: every Chinese message, assembled like en.ts (which has the same keys).
import type { messages as en } from './en.ts'
import { zhCN as admin } from './messages/en/admin.ts'
import { zhCN as aliasKind } from './messages/en/aliasKind.ts'
import { zhCN as aliasLanguage } from './messages/en/aliasLanguage.ts'
import { zhCN as app } from './messages/en/app.ts'
import { zhCN as audit } from './messages/en/audit.ts'
import { zhCN as auth } from './messages/en/auth.ts'
import { zhCN as common } from './messages/en/common.ts'
import { zhCN as companies } from './messages/en/companies.ts'
import { zhCN as company } from './messages/en/company.ts'
import { zhCN as companyEdit } from './messages/en/companyEdit.ts'
import { zhCN as companyRole } from './messages/en/companyRole.ts'
import { zhCN as documents } from './messages/en/documents.ts'
import { zhCN as error } from './messages/en/error.ts'
import { zhCN as exposure } from './messages/en/exposure.ts'
import { zhCN as feeds } from './messages/en/feeds.ts'
import { zhCN as home } from './messages/en/home.ts'
import { zhCN as invite } from './messages/en/invite.ts'
import { zhCN as jobs } from './messages/en/jobs.ts'
import { zhCN as listing } from './messages/en/listing.ts'
import { zhCN as meeting } from './messages/en/meeting.ts'
import { zhCN as mentions } from './messages/en/mentions.ts'
import { zhCN as nav } from './messages/en/nav.ts'
import { zhCN as region } from './messages/en/region.ts'
import { zhCN as role } from './messages/en/role.ts'
import { zhCN as scoringAdmin } from './messages/en/scoring.admin.ts'
import { zhCN as scoringError } from './messages/en/scoring.error.ts'
import { zhCN as scoringMoved } from './messages/en/scoring.moved.ts'
import { zhCN as scoring } from './messages/en/scoring.ts'
import { zhCN as search } from './messages/en/search.ts'
import { zhCN as settings } from './messages/en/settings.ts'
import { zhCN as setup } from './messages/en/setup.ts'
import { zhCN as stance } from './messages/en/stance.ts'
import { zhCN as status } from './messages/en/status.ts'
import { zhCN as theme } from './messages/en/theme.ts'
import { zhCN as themeEditAudit } from './messages/en/themeEdit.audit.ts'
import { zhCN as themeEditField } from './messages/en/themeEdit.field.ts'
import { zhCN as themeEdit } from './messages/en/themeEdit.ts'
import { zhCN as users } from './messages/en/users.ts'
import { zhCN as validation } from './messages/en/validation.ts'
import { zhCN as vendor } from './messages/en/vendor.ts'
import { zhCN as watchlistsImport } from './messages/en/watchlists.import.ts'
import { zhCN as watchlists } from './messages/en/watchlists.ts'
import { zhCN as webhooks } from './messages/en/webhooks.ts'

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
