// What a new theme starts from (decision 036): the items it scores, the dimensions, and
// the rubric. "AI modalities" is the multimodal-AI theme's framework (the two source
// reports, Soochow 2023-12 and CICC 2024-03, placed each modality; descriptions say
// where); "Technology readiness" scores on NASA's TRL 1-9; "Blank" has the default rubric
// and nothing to score until an analyst adds items. The demo data set loads the same rows.

export interface FrameworkItem {
  slug: string
  nameEn: string
  nameZh: string
  descriptionEn: string
  descriptionZh: string
}

export interface FrameworkDimension {
  slug: string
  nameEn: string
  nameZh: string
}

export interface FrameworkRubric {
  slug: string
  nameEn: string
  nameZh: string
  levels: Array<{ level: number; nameEn: string; nameZh: string; descriptionEn: string; descriptionZh: string }>
}

export const FRAMEWORK_TEMPLATES = ['ai-modalities', 'technology-readiness', 'blank'] as const
export type FrameworkTemplate = (typeof FRAMEWORK_TEMPLATES)[number]

export interface FrameworkTemplateContent {
  rubric: FrameworkRubric
  items: FrameworkItem[]
  dimensions: FrameworkDimension[]
}

export const AI_MODALITY_ITEMS: FrameworkItem[] = [
  {
    slug: 'text',
    nameEn: 'Text',
    nameZh: '文本',
    descriptionEn: 'Large language models got there first; the other modalities are trained to line up with text.',
    descriptionZh: '大语言模型最先取得突破，其他模态大多以文本为锚点进行对齐。',
  },
  {
    slug: 'image',
    nameEn: 'Image',
    nameZh: '图像',
    descriptionEn:
      'The approach has settled on diffusion with transformer backbones (ViT, DiT), and consumer apps such as Midjourney and DALL·E 3 have real audiences.',
    descriptionZh: '技术路线已基本统一到扩散模型加 Transformer 主干（ViT、DiT），Midjourney、DALL·E 3 等消费级产品已拥有大量用户。',
  },
  {
    slug: 'video',
    nameEn: 'Video',
    nameZh: '视频',
    descriptionEn:
      'In 2023 video stood roughly where images were in 2021. Sora (February 2024) showed that DiT plus scale carries over to video, but no single method has won yet.',
    descriptionZh: '2023 年的视频生成大致相当于 2021 年的图像生成；Sora（2024 年 2 月）证明 DiT 与规模化同样适用于视频，但路线尚未定型。',
  },
  {
    slug: 'audio',
    nameEn: 'Audio',
    nameZh: '音频',
    descriptionEn: 'Comparatively mature: Transformers are the standard design (Whisper large-v3 for recognition, VALL-E for synthesis).',
    descriptionZh: '相对成熟，Transformer 已是标准架构（识别有 Whisper large-v3，合成有 VALL-E）。',
  },
  {
    slug: '3d',
    nameEn: '3D',
    nameZh: '3D',
    descriptionEn:
      'Early. There is no agreed representation (mesh, point cloud, NeRF, voxels) and data is thin: Objaverse-XL holds about 10 million objects. Models include 3D GAN, MeshDiffusion and Instant3D.',
    descriptionZh:
      '处于早期：表示方式（网格、点云、NeRF、体素）尚无共识，数据也少，Objaverse-XL 约 1000 万个对象；代表模型有 3D GAN、MeshDiffusion、Instant3D。',
  },
  {
    slug: 'any-to-any',
    nameEn: 'Any-to-any',
    nameZh: '任意模态',
    descriptionEn: 'Exploratory: single models that take and produce any mix of modalities, such as Gemini, CoDi-2 and NExT-GPT.',
    descriptionZh: '仍在探索：一个模型接收并生成任意模态组合，例如 Gemini、CoDi-2、NExT-GPT。',
  },
]

export const AI_MODALITY_DIMENSIONS: FrameworkDimension[] = [
  { slug: 'technology', nameEn: 'Technology', nameZh: '技术' },
  { slug: 'data', nameEn: 'Data', nameZh: '数据' },
  { slug: 'compute-cost', nameEn: 'Compute cost', nameZh: '算力成本' },
  { slug: 'adoption-2b', nameEn: '2B adoption', nameZh: '2B 落地' },
  { slug: 'adoption-2c', nameEn: '2C adoption', nameZh: '2C 落地' },
]

/** The rubric new themes use; anchored in the reports' own stages. */
export const DEFAULT_RUBRIC: FrameworkRubric = {
  slug: 'default',
  nameEn: 'Modality maturity',
  nameZh: '模态成熟度',
  levels: [
    {
      level: 1,
      nameEn: 'Exploration',
      nameZh: '探索期',
      descriptionEn: 'Competing algorithms, none dominant; training data is scarce or unorganised.',
      descriptionZh: '多种算法并存且无一胜出；训练数据稀缺或尚未成体系。',
    },
    {
      level: 2,
      nameEn: 'Breakthrough',
      nameZh: '突破期',
      descriptionEn: 'A landmark result has been demonstrated, but output quality varies a lot from try to try.',
      descriptionZh: '已有标志性成果公开演示，但生成质量起伏较大。',
    },
    {
      level: 3,
      nameEn: 'Convergence',
      nameZh: '收敛期',
      descriptionEn: 'One architecture has become the default and labs compete on scale ("大炼模型").',
      descriptionZh: '主流架构确立，各家比拼参数与数据规模（“大炼模型”）。',
    },
    {
      level: 4,
      nameEn: 'Application',
      nameZh: '应用期',
      descriptionEn: 'Products with a mass audience exist and the technology is built into working processes in industry.',
      descriptionZh: '出现大众爆款产品，技术被嵌入行业的日常工作流程。',
    },
    {
      level: 5,
      nameEn: 'Maturity',
      nameZh: '成熟期',
      descriptionEn: 'Used widely; cost is no longer what holds adoption back.',
      descriptionZh: '广泛普及，成本不再是推广的瓶颈。',
    },
  ],
}

/** NASA's Technology Readiness Levels, for teams that prefer a finer, generic scale. */
export const NASA_TRL_RUBRIC: FrameworkRubric = {
  slug: 'nasa-trl',
  nameEn: 'NASA Technology Readiness Levels',
  nameZh: 'NASA 技术成熟度等级',
  levels: [
    {
      level: 1,
      nameEn: 'TRL 1: Basic principles',
      nameZh: 'TRL 1：基本原理',
      descriptionEn: 'The underlying science has been observed and written up.',
      descriptionZh: '相关科学原理已被观察到并见诸报告。',
    },
    {
      level: 2,
      nameEn: 'TRL 2: Concept formulated',
      nameZh: 'TRL 2：形成概念',
      descriptionEn: 'A practical use has been proposed, still speculative and unproven.',
      descriptionZh: '提出了具体应用设想，但仍停留在推想层面，未经验证。',
    },
    {
      level: 3,
      nameEn: 'TRL 3: Proof of concept',
      nameZh: 'TRL 3：概念验证',
      descriptionEn: 'Analysis and lab experiments confirm the critical function works.',
      descriptionZh: '通过分析与实验室试验证实关键功能可行。',
    },
    {
      level: 4,
      nameEn: 'TRL 4: Lab validation',
      nameZh: 'TRL 4：实验室验证',
      descriptionEn: 'Components work together in a laboratory setting.',
      descriptionZh: '各部件在实验室环境下完成联合验证。',
    },
    {
      level: 5,
      nameEn: 'TRL 5: Relevant-environment validation',
      nameZh: 'TRL 5：相关环境验证',
      descriptionEn: 'Components are tested under conditions close to real use.',
      descriptionZh: '部件在接近真实使用的条件下通过测试。',
    },
    {
      level: 6,
      nameEn: 'TRL 6: Prototype in relevant environment',
      nameZh: 'TRL 6：相关环境原型演示',
      descriptionEn: 'A representative prototype of the system is demonstrated under realistic conditions.',
      descriptionZh: '具有代表性的系统原型在逼真条件下完成演示。',
    },
    {
      level: 7,
      nameEn: 'TRL 7: Prototype in operation',
      nameZh: 'TRL 7：实际环境原型演示',
      descriptionEn: 'A near-final prototype runs in the real operating environment.',
      descriptionZh: '接近最终形态的原型在真实运行环境中完成演示。',
    },
    {
      level: 8,
      nameEn: 'TRL 8: System qualified',
      nameZh: 'TRL 8：系统定型',
      descriptionEn: 'The finished system has passed its tests and demonstrations.',
      descriptionZh: '最终系统已完成并通过测试与演示鉴定。',
    },
    {
      level: 9,
      nameEn: 'TRL 9: Proven in operation',
      nameZh: 'TRL 9：实际运行验证',
      descriptionEn: 'The system has done its job successfully in real operations.',
      descriptionZh: '系统已在实际任务中成功运行，得到验证。',
    },
  ],
}

/** NASA TRL asks one question: how far along is it? One dimension, "Readiness". */
export const READINESS_DIMENSIONS: FrameworkDimension[] = [{ slug: 'readiness', nameEn: 'Readiness', nameZh: '技术成熟度' }]

export function templateContent(template: FrameworkTemplate): FrameworkTemplateContent {
  switch (template) {
    case 'ai-modalities':
      return { rubric: DEFAULT_RUBRIC, items: AI_MODALITY_ITEMS, dimensions: AI_MODALITY_DIMENSIONS }
    case 'technology-readiness':
      return { rubric: NASA_TRL_RUBRIC, items: [], dimensions: READINESS_DIMENSIONS }
    case 'blank':
      return { rubric: DEFAULT_RUBRIC, items: [], dimensions: [] }
  }
}
