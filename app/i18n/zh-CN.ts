// 简体中文: every Chinese message, assembled like en.ts (which has the same keys).
import type { messages as en } from './en.ts'
import { zhCN as admin } from './messages/zh-CN/admin.ts'
import { zhCN as alertcount } from './messages/zh-CN/alertcount.ts'
import { zhCN as alertrules } from './messages/zh-CN/alertrules.ts'
import { zhCN as alias } from './messages/zh-CN/alias.ts'
import { zhCN as aliasKind } from './messages/zh-CN/aliasKind.ts'
import { zhCN as aliasLanguage } from './messages/zh-CN/aliasLanguage.ts'
import { zhCN as app } from './messages/zh-CN/app.ts'
import { zhCN as audit } from './messages/zh-CN/audit.ts'
import { zhCN as auditAction } from './messages/zh-CN/auditAction.ts'
import { zhCN as auditObject } from './messages/zh-CN/auditObject.ts'
import { zhCN as auth } from './messages/zh-CN/auth.ts'
import { zhCN as bilingual } from './messages/zh-CN/bilingual.ts'
import { zhCN as comention } from './messages/zh-CN/comention.ts'
import { zhCN as common } from './messages/zh-CN/common.ts'
import { zhCN as companies } from './messages/zh-CN/companies.ts'
import { zhCN as company } from './messages/zh-CN/company.ts'
import { zhCN as companyEdit } from './messages/zh-CN/companyEdit.ts'
import { zhCN as companyRole } from './messages/zh-CN/companyRole.ts'
import { zhCN as consensus } from './messages/zh-CN/consensus.ts'
import { zhCN as docsearch } from './messages/zh-CN/docsearch.ts'
import { zhCN as documents } from './messages/zh-CN/documents.ts'
import { zhCN as docweek } from './messages/zh-CN/docweek.ts'
import { zhCN as error } from './messages/zh-CN/error.ts'
import { zhCN as estimates } from './messages/zh-CN/estimates.ts'
import { zhCN as exports } from './messages/zh-CN/exports.ts'
import { zhCN as exposure } from './messages/zh-CN/exposure.ts'
import { zhCN as feeds } from './messages/zh-CN/feeds.ts'
import { zhCN as framework } from './messages/zh-CN/framework.ts'
import { zhCN as home } from './messages/zh-CN/home.ts'
import { zhCN as invite } from './messages/zh-CN/invite.ts'
import { zhCN as jobs } from './messages/zh-CN/jobs.ts'
import { zhCN as listing } from './messages/zh-CN/listing.ts'
import { zhCN as meetingClose } from './messages/zh-CN/meeting.close.ts'
import { zhCN as meetingPanel } from './messages/zh-CN/meeting.panel.ts'
import { zhCN as meetingThemes } from './messages/zh-CN/meeting.themes.ts'
import { zhCN as meeting } from './messages/zh-CN/meeting.ts'
import { zhCN as membership } from './messages/zh-CN/membership.ts'
import { zhCN as mentions } from './messages/zh-CN/mentions.ts'
import { zhCN as nav } from './messages/zh-CN/nav.ts'
import { zhCN as newnames } from './messages/zh-CN/newnames.ts'
import { zhCN as picker } from './messages/zh-CN/picker.ts'
import { zhCN as region } from './messages/zh-CN/region.ts'
import { zhCN as review } from './messages/zh-CN/review.ts'
import { zhCN as role } from './messages/zh-CN/role.ts'
import { zhCN as scoringAdmin } from './messages/zh-CN/scoring.admin.ts'
import { zhCN as scoringError } from './messages/zh-CN/scoring.error.ts'
import { zhCN as scoringMoved } from './messages/zh-CN/scoring.moved.ts'
import { zhCN as scoring } from './messages/zh-CN/scoring.ts'
import { zhCN as search } from './messages/zh-CN/search.ts'
import { zhCN as settings } from './messages/zh-CN/settings.ts'
import { zhCN as setup } from './messages/zh-CN/setup.ts'
import { zhCN as stance } from './messages/zh-CN/stance.ts'
import { zhCN as status } from './messages/zh-CN/status.ts'
import { zhCN as theme } from './messages/zh-CN/theme.ts'
import { zhCN as themeEditAudit } from './messages/zh-CN/themeEdit.audit.ts'
import { zhCN as themeEditField } from './messages/zh-CN/themeEdit.field.ts'
import { zhCN as themeEdit } from './messages/zh-CN/themeEdit.ts'
import { zhCN as themes } from './messages/zh-CN/themes.ts'
import { zhCN as universe } from './messages/zh-CN/universe.ts'
import { zhCN as users } from './messages/zh-CN/users.ts'
import { zhCN as validation } from './messages/zh-CN/validation.ts'
import { zhCN as vendor } from './messages/zh-CN/vendor.ts'
import { zhCN as watchlistsImport } from './messages/zh-CN/watchlists.import.ts'
import { zhCN as watchlists } from './messages/zh-CN/watchlists.ts'
import { zhCN as webhookdel } from './messages/zh-CN/webhookdel.ts'
import { zhCN as webhookdigest } from './messages/zh-CN/webhookdigest.ts'
import { zhCN as webhooks } from './messages/zh-CN/webhooks.ts'
import { zhCN as withdraw } from './messages/zh-CN/withdraw.ts'
import { zhCN as wlhistory } from './messages/zh-CN/wlhistory.ts'

export const messages: Record<keyof typeof en, string> = {
  ...admin,
  ...alertcount,
  ...alertrules,
  ...alias,
  ...aliasKind,
  ...aliasLanguage,
  ...app,
  ...audit,
  ...auditAction,
  ...auditObject,
  ...auth,
  ...bilingual,
  ...common,
  ...companies,
  ...comention,
  ...company,
  ...companyEdit,
  ...companyRole,
  ...docsearch,
  ...docweek,
  ...documents,
  ...error,
  ...exports,
  ...exposure,
  ...feeds,
  ...framework,
  ...home,
  ...invite,
  ...jobs,
  ...listing,
  ...meeting,
  ...meetingClose,
  ...meetingPanel,
  ...meetingThemes,
  ...membership,
  ...mentions,
  ...review,
  ...nav,
  ...newnames,
  ...picker,
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
  ...estimates,
  ...theme,
  ...themeEdit,
  ...themeEditAudit,
  ...themeEditField,
  ...themes,
  ...universe,
  ...users,
  ...validation,
  ...vendor,
  ...watchlists,
  ...watchlistsImport,
  ...webhookdel,
  ...webhookdigest,
  ...webhooks,
  ...wlhistory,
  ...withdraw,
  ...consensus,
}
