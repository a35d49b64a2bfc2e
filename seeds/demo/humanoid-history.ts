// The demo team's last four weeks on the humanoid-robot theme, on NASA TRL 1-9: where each
// analyst puts each component, and a few moves with their reasons. Weeks count like
// seeds/demo/team-history.ts: the last one is the week the data is loaded in.

export const HUMANOID_HISTORY_WEEKS = 4

type Item = 'actuators' | 'reducers' | 'sensors' | 'dexterous-hands' | 'embodied-models'
type Dimension = 'readiness' | 'cost' | 'supply-chain'

export const HUMANOID_STARTING_LEVELS: Record<Item, Record<Dimension, number>> = {
  actuators: { readiness: 6, cost: 4, 'supply-chain': 5 },
  reducers: { readiness: 7, cost: 5, 'supply-chain': 6 },
  sensors: { readiness: 6, cost: 4, 'supply-chain': 5 },
  'dexterous-hands': { readiness: 4, cost: 2, 'supply-chain': 3 },
  'embodied-models': { readiness: 3, cost: 3, 'supply-chain': 3 },
}

/** Per analyst, a fixed lean on some cells, so the consensus has a spread. */
export const HUMANOID_LEANINGS: Record<string, Partial<Record<`${Item}/${Dimension}`, number>>> = {
  li: { 'dexterous-hands/readiness': 1, 'embodied-models/readiness': 1 },
  chen: { 'reducers/cost': -1, 'actuators/supply-chain': 1 },
}

export interface HumanoidMove {
  week: number
  analyst: string
  item: Item
  dimension: Dimension
  level: number
  reason: string
}

export const HUMANOID_MOVES: HumanoidMove[] = [
  {
    week: 3,
    analyst: 'zhou',
    item: 'dexterous-hands',
    dimension: 'readiness',
    level: 5,
    reason: 'A 22-degree-of-freedom hand shown picking parts on a line, not only in a lab.',
  },
  {
    week: 4,
    analyst: 'chen',
    item: 'reducers',
    dimension: 'supply-chain',
    level: 7,
    reason: 'Two domestic harmonic-reducer makers announced new capacity for robot joints.',
  },
]
