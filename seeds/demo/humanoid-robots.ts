import type { FrameworkItem } from '#app/scoring/framework-templates.ts'

import { type DemoCompany, type DemoDimension, type DemoSegment, type DemoTheme, type DemoThemeCompany, name, product } from './types.ts'

// The demo's second theme, so a new install shows what several themes look like: humanoid
// robots (人形机器人), scored on its own items (the components a robot is built from) and
// dimensions, on the NASA technology-readiness rubric. Facts are public and dated; the
// team's weekly scores on it are in seeds/demo/humanoid-history.ts.

export const HUMANOID_THEME: DemoTheme = {
  slug: 'humanoid-robots',
  nameEn: 'Humanoid robots',
  nameZh: '人形机器人',
  summaryEn: 'General-purpose robots in human form: which components are ready for volume, and who supplies them.',
  summaryZh: '人形通用机器人：哪些核心零部件已具备量产条件，以及由谁供应。',
  thesisMd: `## Thesis

Humanoid robots moved from research labs to pilot lines in 2024: Tesla shows Optimus
working in its own factories, Figure AI put a robot into a BMW plant, and UBTech's Walker S
trains on car assembly lines in China. Whether this becomes an industry depends less on
the demos than on the parts: actuators, precision reducers, sensors and dexterous hands
have to become reliable and cheap at volume.

We score each component on how ready it is (technology readiness, NASA's TRL 1-9), on
cost and on supply, week by week, so the meeting can see which bottleneck moved.

## 中文摘要

2024 年人形机器人从实验室走向试点产线。能否形成产业，关键不在演示，而在零部件：执行器、
精密减速器、传感器和灵巧手能否在量产规模下做到可靠且便宜。我们按技术成熟度（NASA TRL 1-9）、
成本与供应链逐周为每个部件打分。`,
  stance: 'positive',
  status: 'watching',
  rubric: 'nasa-trl',
  points: [
    {
      kind: 'risk',
      textEn: 'Unit cost stays far above what factory work can pay for.',
      textZh: '单台成本长期远高于工厂岗位所能承担的水平。',
    },
    {
      kind: 'risk',
      textEn: 'Pilots in car plants do not turn into repeat orders.',
      textZh: '车厂试点未能转化为持续订单。',
    },
    {
      kind: 'catalyst',
      textEn: 'A carmaker announces humanoid robots working on a production line at scale.',
      textZh: '车企宣布人形机器人在产线上规模化作业。',
    },
  ],
  topicWords: ['人形机器人', '具身智能', 'humanoid', 'embodied AI', '减速器', 'actuator', '灵巧手'],
}

export const HUMANOID_ITEMS: FrameworkItem[] = [
  {
    slug: 'actuators',
    nameEn: 'Actuators',
    nameZh: '执行器',
    descriptionEn: 'Joint modules: motor, drive and encoder, rotary and linear.',
    descriptionZh: '关节模组：电机、驱动与编码器，含旋转与直线执行器。',
  },
  {
    slug: 'reducers',
    nameEn: 'Reducers',
    nameZh: '减速器',
    descriptionEn: 'Harmonic and planetary reducers, and planetary roller screws.',
    descriptionZh: '谐波减速器、行星减速器与行星滚柱丝杠。',
  },
  {
    slug: 'sensors',
    nameEn: 'Sensors',
    nameZh: '传感器',
    descriptionEn: 'Force/torque, tactile and vision sensors.',
    descriptionZh: '力/力矩、触觉与视觉传感器。',
  },
  {
    slug: 'dexterous-hands',
    nameEn: 'Dexterous hands',
    nameZh: '灵巧手',
    descriptionEn: 'Multi-fingered hands with enough degrees of freedom to use tools.',
    descriptionZh: '具备足够自由度、能使用工具的多指灵巧手。',
  },
  {
    slug: 'embodied-models',
    nameEn: 'Embodied AI models',
    nameZh: '具身智能模型',
    descriptionEn: 'Models that turn vision and language into motion.',
    descriptionZh: '将视觉与语言转化为动作的模型。',
  },
]

export const HUMANOID_DIMENSIONS: DemoDimension[] = [
  { slug: 'readiness', nameEn: 'Readiness', nameZh: '技术成熟度' },
  { slug: 'cost', nameEn: 'Cost at volume', nameZh: '量产成本' },
  { slug: 'supply-chain', nameEn: 'Supply chain', nameZh: '供应链' },
]

export const HUMANOID_COMPANIES: DemoCompany[] = [
  {
    nameEn: 'UBTech Robotics',
    nameZh: '优必选',
    region: 'domestic',
    isListed: true,
    vendorType: 'application_company',
    website: 'https://www.ubtrobot.com',
    notesMd: 'Listed in Hong Kong since December 2023. Its Walker S humanoid trains on car assembly lines.',
    tickers: ['9880.HK'],
    aliases: [name('优必选', 'zh'), name('UBTech', 'en'), name('UBTECH Robotics', 'en'), product('Walker S', 'en')],
    modalities: [],
  },
  {
    nameEn: 'Unitree Robotics',
    nameZh: '宇树科技',
    region: 'domestic',
    isListed: false,
    vendorType: 'application_company',
    website: 'https://www.unitree.com',
    notesMd: 'Private, Hangzhou. Quadrupeds first; the H1 and G1 humanoids set a low price point.',
    tickers: [],
    aliases: [name('宇树科技', 'zh'), name('宇树', 'zh'), name('Unitree', 'en')],
    modalities: [],
  },
  {
    nameEn: 'Tesla',
    nameZh: '特斯拉',
    region: 'overseas',
    isListed: true,
    vendorType: 'big_tech',
    website: 'https://www.tesla.com',
    notesMd: 'Builds the Optimus humanoid and says it works in its own factories.',
    tickers: ['TSLA'],
    aliases: [name('特斯拉', 'zh'), name('Tesla', 'en', { caseSensitive: true }), product('Optimus', 'en', { caseSensitive: true })],
    modalities: [],
  },
  {
    nameEn: 'Figure AI',
    nameZh: 'Figure AI',
    region: 'overseas',
    isListed: false,
    vendorType: 'vertical_unicorn',
    website: 'https://www.figure.ai',
    notesMd: 'Private, California. Figure 02 piloted at a BMW plant in 2024.',
    tickers: [],
    aliases: [name('Figure AI', 'en')],
    modalities: [],
  },
  {
    nameEn: 'Leaderdrive',
    nameZh: '绿的谐波',
    region: 'domestic',
    isListed: true,
    vendorType: 'application_company',
    website: 'https://www.leaderdrive.com',
    notesMd: 'Listed on the STAR Market. The leading domestic maker of harmonic reducers.',
    tickers: ['688017.SH'],
    aliases: [name('绿的谐波', 'zh'), name('Leaderdrive', 'en'), name('Leader Drive', 'en')],
    modalities: [],
  },
]

export const HUMANOID_THEME_COMPANIES: DemoThemeCompany[] = [
  { company: 'Tesla', role: 'driver', exposure: 'medium', note: 'Optimus sets the pace and the cost target for the industry.' },
  { company: 'Figure AI', role: 'driver', exposure: 'high', note: 'A pure humanoid company with a car-plant pilot.' },
  { company: 'UBTech Robotics', role: 'driver', exposure: 'high', note: 'The listed domestic humanoid maker.' },
  { company: 'Unitree Robotics', role: 'driver', exposure: 'high', note: 'Low-cost humanoids; private.' },
  { company: 'Leaderdrive', role: 'enabler', exposure: 'high', note: 'Harmonic reducers for robot joints.' },
]

export const HUMANOID_SEGMENTS: DemoSegment[] = [
  {
    audience: '2B',
    slug: 'car-plants',
    nameEn: 'Car plants',
    nameZh: '汽车工厂',
    noteEn: 'The first pilots: moving parts and checking work on assembly lines.',
    noteZh: '最早的试点场景：在总装线上搬运零件与质检。',
    companies: [
      { company: 'Tesla', note: 'Optimus in its own factories.' },
      { company: 'UBTech Robotics', note: 'Walker S on domestic car lines.' },
    ],
  },
  {
    audience: '2C',
    slug: 'research-and-education',
    nameEn: 'Research and education',
    nameZh: '科研与教育',
    noteEn: 'Labs and universities buy low-cost humanoids to build on.',
    noteZh: '实验室与高校采购低价人形机器人作为研究平台。',
    companies: [{ company: 'Unitree Robotics', note: 'G1 priced for labs.' }],
  },
]
