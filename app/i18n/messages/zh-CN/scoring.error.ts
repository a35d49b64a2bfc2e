import type { en } from '../en/scoring.error.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'scoring.error.themeNotFound': '该主题不存在。',
  'scoring.error.noRubric': '该主题尚未选择评分标准，请先由管理员选择。',
  'scoring.error.unknownModality': '模态不存在或已归档。',
  'scoring.error.unknownDimension': '维度不存在或已归档。',
  'scoring.error.levelOutsideRubric': '该等级不在本主题的评分标准中。',
  'scoring.error.futureWeek': '该周尚未开始；只能为本周或过去的周评分。',
  'scoring.error.weekLocked': '之后的周会已召开，本周已只读。请联系管理员重新开放。',
  'scoring.error.reasonRequired': '等级有变动，请写一句理由。',
  'scoring.error.evidenceNotFound': '关联的文档或提及已不存在。',
  'scoring.error.tooMuchEvidence': '最多关联 20 个文档或提及。',
  'scoring.error.futureDate': '发布日期不能晚于今天。',
  'scoring.error.rubricNotFound': '该评分标准不存在。',
  'scoring.error.rubricSuperseded': '该评分标准已有更新版本，请编辑最新版本。',
  'scoring.error.slugTaken': '该简称已被使用。',
  'scoring.error.levelsInvalid': '评分标准需要 2 到 20 个等级。',
  'scoring.error.notReopened': '本周并未被重新开放。',
  'scoring.error.notLocked': '本周本来就可以评分。',
}
