// Every English message, assembled from app/i18n/messages: one module per key prefix and
// language (the key `watchlists.import.tooLarge` lives in messages/en/watchlists.import.ts
// if that module exists, otherwise in messages/en/watchlists.ts; its Chinese in the same
// file name under messages/zh-CN/). A language's files import nothing of the other's, so
// the browser gets one language without the other. A new module is listed here and in
// zh-CN.ts. The key set is the contract: the type checker and app/i18n/i18n.test.ts hold
// both languages to it. {name} placeholders are filled by t(); values are plain text, never HTML.
import { en as admin } from './messages/en/admin.ts'
import { en as alertcount } from './messages/en/alertcount.ts'
import { en as alertrules } from './messages/en/alertrules.ts'
import { en as alias } from './messages/en/alias.ts'
import { en as aliasKind } from './messages/en/aliasKind.ts'
import { en as aliasLanguage } from './messages/en/aliasLanguage.ts'
import { en as app } from './messages/en/app.ts'
import { en as audit } from './messages/en/audit.ts'
import { en as auditAction } from './messages/en/auditAction.ts'
import { en as auditObject } from './messages/en/auditObject.ts'
import { en as auth } from './messages/en/auth.ts'
import { en as bilingual } from './messages/en/bilingual.ts'
import { en as comention } from './messages/en/comention.ts'
import { en as common } from './messages/en/common.ts'
import { en as companies } from './messages/en/companies.ts'
import { en as company } from './messages/en/company.ts'
import { en as companyEdit } from './messages/en/companyEdit.ts'
import { en as companyRole } from './messages/en/companyRole.ts'
import { en as consensus } from './messages/en/consensus.ts'
import { en as docsearch } from './messages/en/docsearch.ts'
import { en as documents } from './messages/en/documents.ts'
import { en as docweek } from './messages/en/docweek.ts'
import { en as error } from './messages/en/error.ts'
import { en as estimates } from './messages/en/estimates.ts'
import { en as exports } from './messages/en/exports.ts'
import { en as exposure } from './messages/en/exposure.ts'
import { en as feeds } from './messages/en/feeds.ts'
import { en as framework } from './messages/en/framework.ts'
import { en as home } from './messages/en/home.ts'
import { en as invite } from './messages/en/invite.ts'
import { en as jobs } from './messages/en/jobs.ts'
import { en as listing } from './messages/en/listing.ts'
import { en as meetingClose } from './messages/en/meeting.close.ts'
import { en as meetingPanel } from './messages/en/meeting.panel.ts'
import { en as meetingThemes } from './messages/en/meeting.themes.ts'
import { en as meeting } from './messages/en/meeting.ts'
import { en as membership } from './messages/en/membership.ts'
import { en as mentions } from './messages/en/mentions.ts'
import { en as nav } from './messages/en/nav.ts'
import { en as newnames } from './messages/en/newnames.ts'
import { en as picker } from './messages/en/picker.ts'
import { en as region } from './messages/en/region.ts'
import { en as review } from './messages/en/review.ts'
import { en as role } from './messages/en/role.ts'
import { en as scoringAdmin } from './messages/en/scoring.admin.ts'
import { en as scoringError } from './messages/en/scoring.error.ts'
import { en as scoringMoved } from './messages/en/scoring.moved.ts'
import { en as scoring } from './messages/en/scoring.ts'
import { en as search } from './messages/en/search.ts'
import { en as settings } from './messages/en/settings.ts'
import { en as setup } from './messages/en/setup.ts'
import { en as stance } from './messages/en/stance.ts'
import { en as status } from './messages/en/status.ts'
import { en as theme } from './messages/en/theme.ts'
import { en as themeEditAudit } from './messages/en/themeEdit.audit.ts'
import { en as themeEditField } from './messages/en/themeEdit.field.ts'
import { en as themeEdit } from './messages/en/themeEdit.ts'
import { en as themes } from './messages/en/themes.ts'
import { en as universe } from './messages/en/universe.ts'
import { en as users } from './messages/en/users.ts'
import { en as validation } from './messages/en/validation.ts'
import { en as vendor } from './messages/en/vendor.ts'
import { en as watchlistsImport } from './messages/en/watchlists.import.ts'
import { en as watchlists } from './messages/en/watchlists.ts'
import { en as webhookdel } from './messages/en/webhookdel.ts'
import { en as webhookdigest } from './messages/en/webhookdigest.ts'
import { en as webhooks } from './messages/en/webhooks.ts'
import { en as withdraw } from './messages/en/withdraw.ts'
import { en as wlhistory } from './messages/en/wlhistory.ts'

export const messages = {
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
