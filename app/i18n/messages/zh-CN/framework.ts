import type { en } from '../en/framework.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'framework.title': '评分框架',
  'framework.link': '评分框架',
  'framework.intro':
    '本主题评什么（评分对象）、按哪些维度、用哪套评分标准。修改从现在起生效；过去的周仍按当时的框架显示，已归档的评分对象在有评分的周里照常显示。',
  'framework.version': '框架第 {version} 版',
  'framework.items': '评分对象',
  'framework.itemsHint': '我们评分的对象：每项是评分表中的一行。',
  'framework.dimensions': '维度',
  'framework.dimensionsHint': '评分表中的列。',
  'framework.rubric': '评分标准',
  'framework.rubricHint': '新评分使用所选标准。按其他标准给出的评分保持不变。',
  'framework.rubricLevels': '{count} 个等级',
  'framework.editRubric': '编辑此评分标准',
  'framework.noItems': '还没有评分对象：请在下方添加。',
  'framework.noDimensions': '还没有维度：请在下方添加。',
  'framework.descriptionEn': '说明（英文）',
  'framework.descriptionZh': '说明（中文）',
  'framework.archived': '已归档',
  'framework.template': '评分框架',
  'framework.templateHint': '主题将要评分的内容。创建后都可以在主题的评分框架页面修改。',
  'framework.templateRequired': '请选择一个模板',
  'framework.templates.ai-modalities': 'AI 模态',
  'framework.templates.ai-modalitiesHint':
    '文本、图像、视频、音频、3D 与任意模态，按技术、数据、算力成本和 2B/2C 落地评分，使用模态成熟度标准。',
  'framework.templates.technology-readiness': '技术成熟度',
  'framework.templates.technology-readinessHint': 'NASA 技术成熟度等级 1-9，一个维度“技术成熟度”；评分对象由你添加。',
  'framework.templates.blank': '空白',
  'framework.templates.blankHint': '只有默认评分标准；评分对象和维度由你添加。',
}
