// A theme's scoring framework: its items, dimensions and rubric, and the template a new theme starts from.
export const en = {
  'framework.title': 'Scoring framework',
  'framework.link': 'Scoring framework',
  'framework.intro':
    'What this theme scores (its items), on which dimensions and with which rubric. Changes apply from now on; past weeks keep the framework as it stood, and archived items still show in weeks that have scores on them.',
  'framework.version': 'Framework version {version}',
  'framework.items': 'Items',
  'framework.itemsHint': 'What we score: one row of the scoring grid each.',
  'framework.dimensions': 'Dimensions',
  'framework.dimensionsHint': 'The columns of the scoring grid.',
  'framework.rubric': 'Rubric',
  'framework.rubricHint': 'New scores use the chosen rubric. Scores given on another rubric stay as they were.',
  'framework.rubricLevels': '{count} levels',
  'framework.editRubric': 'Edit this rubric',
  'framework.noItems': 'Nothing to score yet: add an item below.',
  'framework.noDimensions': 'No dimensions yet: add one below.',
  'framework.descriptionEn': 'Description (English)',
  'framework.descriptionZh': 'Description (Chinese)',
  'framework.archived': 'archived',
  'framework.template': 'Scoring framework',
  'framework.templateHint': 'What the theme will score. Everything can be edited afterwards on the theme’s framework page.',
  'framework.templateRequired': 'Choose a template',
  'framework.templates.ai-modalities': 'AI modalities',
  'framework.templates.ai-modalitiesHint':
    'Text, image, video, audio, 3D and any-to-any, on technology, data, compute cost and 2B/2C adoption, with the modality maturity rubric.',
  'framework.templates.technology-readiness': 'Technology readiness',
  'framework.templates.technology-readinessHint':
    'NASA’s technology readiness levels 1-9 on one dimension, “Readiness”; you add the items.',
  'framework.templates.blank': 'Blank',
  'framework.templates.blankHint': 'The default rubric and nothing else; you add items and dimensions.',
}
