import type { FrameworkItem } from '#app/scoring/framework-templates.ts'

import { DOMESTIC_COMPANIES } from './demo/companies-domestic.ts'
import { OVERSEAS_COMPANIES } from './demo/companies-overseas.ts'
import { DOMESTIC_STARTUPS } from './demo/companies-startups.ts'
import {
  HUMANOID_COMPANIES,
  HUMANOID_DIMENSIONS,
  HUMANOID_ITEMS,
  HUMANOID_SEGMENTS,
  HUMANOID_THEME,
  HUMANOID_THEME_COMPANIES,
} from './demo/humanoid-robots.ts'
import { MULTIMODAL_DATA_STOCKS, MULTIMODAL_SEGMENTS, MULTIMODAL_THEME_COMPANIES } from './demo/landscape.ts'
import { DEMO_DIMENSIONS, DEMO_MODALITIES, DEMO_RUBRICS } from './demo/scoring.ts'
import { MULTIMODAL_AI_THEME } from './demo/theme.ts'
import type { DemoCompany, DemoDataStock, DemoDimension, DemoSegment, DemoTheme, DemoThemeCompany } from './demo/types.ts'
import { DEMO_WATCHLISTS } from './demo/watchlists.ts'

// The demo data set: the multimodal-AI theme from the two broker reports that started
// the project, with its companies, scoring vocabulary and watchlists, and a second theme
// (humanoid robots) with its own items, so a new install shows several themes. Split over
// seeds/demo/ by subject; seeds/seed.ts loads it.

export { DEFAULT_RUBRIC, NASA_TRL_RUBRIC } from './demo/scoring.ts'
export type * from './demo/types.ts'
export { DEMO_DIMENSIONS, DEMO_MODALITIES, DEMO_RUBRICS, DEMO_WATCHLISTS, MULTIMODAL_AI_THEME }

/** Parents come before their children (Alphabet before Google DeepMind). */
export const DEMO_COMPANIES: DemoCompany[] = [...OVERSEAS_COMPANIES, ...DOMESTIC_COMPANIES, ...DOMESTIC_STARTUPS, ...HUMANOID_COMPANIES]

export interface DemoThemeBundle {
  theme: DemoTheme
  segments: DemoSegment[]
  companies: DemoThemeCompany[]
  dataStocks: DemoDataStock[]
  /** The theme's framework: what it scores and on which dimensions (decision 036). */
  items: FrameworkItem[]
  dimensions: DemoDimension[]
}

export const DEMO_THEMES: DemoThemeBundle[] = [
  {
    theme: MULTIMODAL_AI_THEME,
    segments: MULTIMODAL_SEGMENTS,
    companies: MULTIMODAL_THEME_COMPANIES,
    dataStocks: MULTIMODAL_DATA_STOCKS,
    items: DEMO_MODALITIES,
    dimensions: DEMO_DIMENSIONS,
  },
  {
    theme: HUMANOID_THEME,
    segments: HUMANOID_SEGMENTS,
    companies: HUMANOID_THEME_COMPANIES,
    dataStocks: [],
    items: HUMANOID_ITEMS,
    dimensions: HUMANOID_DIMENSIONS,
  },
]
