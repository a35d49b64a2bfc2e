// Negative context for the demo aliases that are also ordinary words or other names:
// words that, near a match, mean the text is about the other thing. The team edits them
// in each alias's editor; these are the defaults a new install starts with. Kept to words
// that would be odd in a report about the company itself (never 历史, model, market).

/** Apple / 苹果 the fruit. */
export const FRUIT = [
  'fruit',
  'orchard',
  'orchards',
  'pear',
  'pears',
  'cider',
  'apple a day',
  'apple pie',
  '水果',
  '果园',
  '果农',
  '红富士',
  '脆甜',
  '很甜',
  '多汁',
  '斤',
  '鸭梨',
]

/** Runway the strip of tarmac, the catwalk, and a startup's months of cash. */
export const RUNWAY = [
  'airport',
  'flight',
  'flights',
  'aircraft',
  'plane',
  'landing',
  'takeoff',
  'bird strike',
  'fashion',
  'Fashion Week',
  'catwalk',
  'months of runway',
  'cash runway',
  '机场',
  '跑道',
  '航班',
  'T台',
  '时装周',
  '秀场',
]

/** Gemini the sign of the zodiac, the constellation and the twins of Greek myth. */
export const ZODIAC = [
  'horoscope',
  'twins',
  'myth',
  'mythology',
  'Castor',
  'Pollux',
  '希腊神话',
  '双子',
  'zodiac',
  'constellation',
  'astrology',
  'star sign',
  'Taurus',
  'Cancer',
  '双子座',
  '星座',
  '运势',
  '占星',
]

/** SAM, TAM, SOM: the market-sizing acronyms of every pitch deck. */
export const MARKET_SIZING = [
  'TAM',
  'SOM',
  'addressable market',
  'serviceable',
  'market sizing',
  '可服务市场',
  '可触达市场',
  '潜在市场',
  '市场空间测算',
  // Sam Altman, written in capitals in Chinese notes (SAM ALTMAN).
  'Altman',
]

export const META_ANALYSIS = ['meta-analysis', 'systematic review', '元分析', 'Meta分析', '荟萃分析', '随机对照']
export const POKEMON = ['Pikachu', 'Pokémon', '皮卡丘', '宝可梦', '鼠兔']
export const MACRO_STABILITY = ['financial stability', 'price stability', 'central bank', 'bond market', 'monetary', 'governor']
export const LLAMA_ANIMAL = ['alpaca', 'alpacas', 'animal', 'farm', 'wool', '羊驼']
export const FIREFLY_INSECT = ['insect', 'insects', 'glow', 'summer night', '萤火虫']
export const FLAMINGO_BIRD = ['bird', 'birds', 'pink', 'lake', '火烈鸟']
export const CLAUDE_PEOPLE = ['Debussy', 'Monet', 'composer', 'painter', 'Van Damme', '作曲家', '画家', '钢琴']
export const KIMI_PEOPLE = ['Räikkönen', 'Formula 1', 'F1', 'Grand Prix']
export const COPILOT_AVIATION = ['pilot', 'cockpit', 'aircraft', '副驾驶']
export const RAINFOREST = ['rainforest', 'river', 'basin', 'jungle', 'deforestation', 'tributaries', '雨林', '亚马逊河', '流域', '热带']
export const IN_THE_RED = ['in the red', 'stocks fell', 'red ink']

/** 商汤 the founder of the Shang dynasty, who shares SenseTime's short name. */
export const SHANG_TANG = ['商朝', '夏桀', '伊尹', '成汤', '灭夏', '鸣条', '汤王', '史记', '网开三面', '七十里']
/** 盘古 who split heaven from earth, and Huawei's model family. */
export const PANGU_MYTH = ['开天辟地', '神话', '盘古庙', '女娲', '传说']
export const SPARK_IDIOM = ['星火燎原', '燎原', '星星之火']
export const TIANGONG_CLASSIC = ['天工开物', '巧夺天工', '宋应星']
export const RIRIXIN_CLASSIC = ['苟日新', '又日新']
/** 字节 the unit of storage, and ByteDance's short name. */
export const BYTES = ['字节数', '个字节', '按字节', '千字节', '字节码', 'UTF-8', '编码', '存储']
/** 豆包 the sweet bean bun. */
export const BEAN_BUN = ['馒头', '包子', '早餐', '豆沙', '蒸笼']
/** 阿里 in place names: 阿里山 in Taiwan, 阿里地区 in Tibet. */
export const ALI_PLACES = ['阿里山', '阿里地区', '冈仁波齐']

/** 混元 in Chinese martial arts and Daoism (混元太极, 混元功), not Tencent's model. */
export const MARTIAL_ARTS = ['太极', '拳法', '武术', '内功', '气功', '练功', '功法', '道家', '道教', '武当']

/** 月之暗面 the Pink Floyd album (The Dark Side of the Moon), not Moonshot AI. */
export const DARK_SIDE_ALBUM = ['专辑', '唱片', '乐队', '平克', '弗洛伊德', '摇滚', '黑胶']
