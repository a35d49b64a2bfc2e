/**
 * The CJK split filter: Chinese is written without spaces, so a short Chinese alias also
 * "matches" across the boundary of two ordinary words: 美图 (Meitu) inside 完美图像
 * ("a perfect image" = 完美 + 图像).
 *
 * Rule, applied only to aliases made of at most TWO Han characters (longer ones like
 * 文心一言 are rarely accidental, and vetoing them costs more than it saves):
 *   reject the match when the Han character just before it forms a common word with the
 *   alias's first character (完 + 美 = 完美), or the alias's last character forms a common
 *   word with the Han character just after it (图 + 像 = 图像).
 * "Common word" means the built-in list below (plus MentionMatcherOptions.extraCjkWords).
 * A word holding a function character (的, 了, 为, 来自...) never vetoes: those characters
 * sit next to names all the time (华为了解 is 华为 + 了解, not 华 + 为了), so the list
 * drops such words even if someone adds them.
 *
 * Deterministic, two Set look-ups per candidate, and explainable to a user who asks
 * why 美图 was not counted. It is a veto list, not a segmenter: it misses words it does
 * not know and can veto a real mention in an unlucky phrase; extend the list then.
 */
import { getFoldTables } from './fold.ts'

// Characters that attach to names as particles, prepositions, pronouns, auxiliaries.
const FUNCTION_CHARACTERS = new Set(
  '的地得了着过是在和与及跟同等也都就还又才把被对将从向给让为以于之其这那此有无不没很最更太已并或但而由自到个们中上下后前里内外会能要可说称第每各该本来去',
)

// Common two-character words around the characters that start or end short Chinese
// company and product names. Grouped by that character for review.
const COMMON_WORDS = `
完美 优美 精美 甜美 审美 赞美 华美 健美 媲美 唯美 柔美 秀美 欧美 北美 南美 美丽 美好 美食
美术 美容 美味 美妙 美感 美学 美景 美德 美满 美观 美元 美金 美股
图像 图片 图表 图书 图形 图案 图标 图纸 图谱 图层 图示 图文 图解 地图 插图 绘图 制图 截图
构图 草图 蓝图 视图 意图 企图 试图 拼图 贴图 修图 配图
一百 数百 几百 百姓 百货 百科 百万 百倍 百强 度假
温度 程度 速度 角度 年度 态度 高度 力度 长度 深度 宽度 厚度 密度 浓度 热度 精度 季度 制度
额度 难度 幅度 维度 尺度 进度 强度 亮度
快速 快乐 快递 快捷 快餐 加快 尽快 赶快 凉快 愉快 畅快 飞快 痛快 爽快
手机 手段 手术 手续 手表 手册 手工 手套 手指 手势 手动 手游 手写 手法 手艺 手腕 手掌 手臂
高手 选手 对手 助手 新手 歌手 帮手 水手 双手 动手 入手 着手
抖动 颤抖 发抖 音乐 音频 音量 音响 音效 音色 音符 音箱 音调 声音 噪音 录音 语音 口音 拼音 配音
小说 小时 小组 小学 小孩 小姐 小心 小区 小吃 小费 大小 缩小 弱小 微小 短小 渺小
米饭 米粉 米酒 大米 玉米 厘米 毫米 千米 米线
华丽 华人 华侨 华裔 繁华 中华 精华 豪华 才华 腾飞 腾空 奔腾 折腾 沸腾 升腾
讯息 通讯 资讯 视讯 简讯 快讯 京剧 京城 北京 南京 东京 进京
东西 东方 东部 东北 东南 股东 房东
网络 网站 网页 网友 网民 网点 网速 网购 联网 互联 渔网 电网
易懂 容易 交易 贸易 简易 轻易
新闻 新鲜 创新 更新 全新 革新 浪费 浪漫 海浪 波浪 流浪 巨浪 搜索 搜集 搜寻 狐狸
知道 知识 知名 通知 认知 感知 告知 豆腐 豆浆 豆子 土豆 红豆 绿豆 黄豆
微信 微笑 微波 轻微 细微 稍微 博士 博客 博物 博览 广博 赌博 钉子
飞机 飞行 飞船 飞速 起飞 书包 书籍 书店 书法 书记 书面 书桌 读书 秘书 证书 全书
荣誉 光荣 繁荣 耀眼 闪耀 照耀 炫耀
理解 理由 理论 理念 管理 处理 道理 合理 整理 经理 代理 物理 心理 助理 想法 想象
团队 团体 团结 团购 集团 社团 剧团 程序 工程 课程 流程 日程 行程 路程 进程 全程 旅程
点滴 水滴 滴水 拼搏 拼命 拼写
海洋 海关 海报 海鲜 海水 海岸 海边 大海 航海 出海 沿海 健康 康复 小康
芯片 寒冷 寒假 武器 武汉 武术 纪录 纪念 纪律 世纪 年纪
平台 平均 平安 平衡 平时 平等 公平 水平 和平 线条 线索 线路 曲线 路线 无线
云端 白云 商品 商业 商家 商店 商务 商场 厂商 电商 协商 汤圆 热汤
视频 视觉 视野 视角 电视 重视 监视 忽视 影视 科学 科研 科目 学科
大学 大家 大型 大量 大陆 伟大 巨大 扩大 强大 重大
智慧 智力 理智 明智 乐谱 食谱 光谱 族谱 离谱 靠谱
月份 月亮 月光 岁月 面对 面临 面积 方面 全面 表面 正面 见面 界面 页面 画面 暗示 黑暗
依靠 依赖 依然 依旧 依据 灵活 灵感 灵魂 心灵 梦想 梦幻 做梦 美梦
通过 通信 交通 普通 沟通 流通 开通 义务 意义 主义 定义 正义
包括 包装 包含 面包 红包 钱包 元素 单元 公元 宝贝 宝贵 宝石 珠宝
混合 混乱 盘子 硬盘 键盘 地盘 古代 古老 星期 星星 明星 卫星 火星 火车 火箭 火灾
天气 天空 今天 明天 昨天 每天 当天 工作 工具 工业 工人 员工 加工 秘密
兴趣 兴奋 高兴 颜色 颜值 运动 动力 动作 行动 活动 自动 启动 推动 带动 感动
`

/** The built-in list, for documentation and tests. */
export const DEFAULT_CJK_WORDS: readonly string[] = COMMON_WORDS.split(/\s+/u).filter(Boolean)

/** Aliases this short (in Han characters) are checked. */
export const CJK_FILTER_MAX_LENGTH = 2

export interface CjkSplitFilter {
  /** Whether the match text[start, end) of a short Han alias straddles a common word. */
  rejects(text: string, start: number, end: number): boolean
}

// A short name counted like an object is the ordinary word: 一张美图 is "a nice picture",
// 这幅美图 likewise. Companies take 家 (一家美图), which is not here.
const OBJECT_CLASSIFIERS = new Set('张幅篇首枚朵颗粒块片杯碗盘')
const NUMBERS_AND_DEMONSTRATIVES = new Set('一二两三四五六七八九十百几数多每这那此某整半')
// Chinese writes foreign personal names with a middle dot between the parts: 穆罕默德·阿里
// is Muhammad Ali, not Alibaba. A short name joined to other Han characters by one is part
// of such a name.
const NAME_DOTS = new Set('·・•‧')

/**
 * The filter. `vetoPhrases` are longer set phrases and idioms that hold a short alias as
 * ordinary words (快手快脚 "quick and deft" holds 快手): a match inside one, as written
 * around it, is no mention. app/mentions/idioms.ts derives them from jieba's dictionary.
 */
export function createCjkSplitFilter(extraWords: readonly string[] = [], vetoPhrases: readonly string[] = []): CjkSplitFilter {
  const { fold, han } = getFoldTables()
  const pairs = new Set<number>()
  for (const word of [...DEFAULT_CJK_WORDS, ...extraWords]) {
    if (word.length !== 2) continue
    const [a, b] = [fold[word.charCodeAt(0)], fold[word.charCodeAt(1)]]
    if (!han[a] || !han[b]) continue
    if (FUNCTION_CHARACTERS.has(String.fromCharCode(a)) || FUNCTION_CHARACTERS.has(String.fromCharCode(b))) continue
    pairs.add(a * 0x10000 + b)
  }
  const phrases = indexPhrases(vetoPhrases, fold)
  const insidePhrase = (text: string, start: number, end: number): boolean => {
    if (phrases.size === 0) return false
    let key = ''
    for (let i = start; i < end; i++) key += String.fromCharCode(fold[text.charCodeAt(i)])
    for (const { phrase, offset } of phrases.get(key) ?? []) {
      const from = start - offset
      if (from < 0 || from + phrase.length > text.length) continue
      let same = true
      for (let i = 0; i < phrase.length && same; i++) same = fold[text.charCodeAt(from + i)] === phrase.charCodeAt(i)
      if (same) return true
    }
    return false
  }
  const inForeignName = (text: string, start: number, end: number): boolean =>
    (start > 1 && NAME_DOTS.has(text.charAt(start - 1)) && han[fold[text.charCodeAt(start - 2)]] === 1) ||
    (end + 1 < text.length && NAME_DOTS.has(text.charAt(end)) && han[fold[text.charCodeAt(end + 1)]] === 1)
  return {
    rejects(text, start, end) {
      if (inForeignName(text, start, end)) return true
      // A straddled word loses when the character it borrows forms a word on its other side
      // too: in 清影视频, 影视 straddles but 视频 holds 视, so 清影 | 视频 stands.
      const pairAt = (i: number) =>
        i >= 0 && i + 1 < text.length && pairs.has(fold[text.charCodeAt(i)] * 0x10000 + fold[text.charCodeAt(i + 1)])
      if (start > 0) {
        const before = fold[text.charCodeAt(start - 1)]
        if (han[before] && pairs.has(before * 0x10000 + fold[text.charCodeAt(start)]) && !pairAt(start - 2)) return true
        if (
          start > 1 &&
          OBJECT_CLASSIFIERS.has(String.fromCharCode(before)) &&
          NUMBERS_AND_DEMONSTRATIVES.has(String.fromCharCode(fold[text.charCodeAt(start - 2)]))
        )
          return true
      }
      if (end < text.length) {
        const after = fold[text.charCodeAt(end)]
        if (han[after] && pairs.has(fold[text.charCodeAt(end - 1)] * 0x10000 + after) && !pairAt(end)) return true
      }
      return insidePhrase(text, start, end)
    },
  }
}

/** Each phrase under every short run of it an alias could be (folded), with where it sits. */
function indexPhrases(vetoPhrases: readonly string[], fold: Uint16Array) {
  const index = new Map<string, { phrase: string; offset: number }[]>()
  for (const raw of vetoPhrases) {
    let phrase = ''
    for (let i = 0; i < raw.length; i++) phrase += String.fromCharCode(fold[raw.charCodeAt(i)])
    for (let length = 1; length <= CJK_FILTER_MAX_LENGTH; length++)
      for (let offset = 0; offset + length <= phrase.length; offset++) {
        if (length === phrase.length) continue
        const key = phrase.slice(offset, offset + length)
        const list = index.get(key) ?? []
        if (!list.some((p) => p.phrase === phrase && p.offset === offset)) list.push({ phrase, offset })
        index.set(key, list)
      }
  }
  return index
}

/** Whether an alias key is short enough, and all Han, for the filter to apply. */
export function isShortHanKey(key: string): boolean {
  const { han } = getFoldTables()
  if (key.length === 0 || key.length > CJK_FILTER_MAX_LENGTH) return false
  for (let i = 0; i < key.length; i++) if (!han[key.charCodeAt(i)]) return false
  return true
}
