import {
  AI_MODALITY_DIMENSIONS,
  AI_MODALITY_ITEMS,
  DEFAULT_RUBRIC,
  type FrameworkRubric,
  NASA_TRL_RUBRIC,
} from '#app/scoring/framework-templates.ts'

import type { DemoDimension, DemoModality, DemoRubric } from './types.ts'

// The scoring vocabulary of the multimodal-AI theme: what is scored (modalities), along
// which axes (dimensions) and on which scale (rubrics). The rows are the "AI modalities"
// template a new theme can start from (app/scoring/framework-templates.ts), loaded as demo data.

export const DEMO_MODALITIES = AI_MODALITY_ITEMS as DemoModality[]
export const DEMO_DIMENSIONS: DemoDimension[] = AI_MODALITY_DIMENSIONS
export { DEFAULT_RUBRIC, NASA_TRL_RUBRIC }
export const DEMO_RUBRICS: DemoRubric[] = [DEFAULT_RUBRIC, NASA_TRL_RUBRIC] satisfies FrameworkRubric[]
