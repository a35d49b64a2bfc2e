import { type AccuracyText, text } from './types.ts'

// A batch written after a second holdout (30 texts the engine had not seen: precision and
// recall 0.958 by pair) showed two kinds of miss: short Chinese names used as ordinary
// words in idioms and counted like objects (快手快脚, 一张美图), and English names that
// only a possessive ties to a company role (Stability's new chief executive). Written for
// this corpus; none of the holdout's sentences.

export const ORDINARY_PHRASES: AccuracyText[] = [
  text('o01', 'wechat', 'zh-Hans', ['ordinary-words'], {}, '周末在公园随手拍了几张美图，修了修就快手快脚地发到了群里。'),
  text('o02', 'wechat', 'zh-Hans', ['ordinary-words'], { Meitu: 1 }, '分享一幅美图给大家：这是用美图秀秀的AI扩图做出来的海边日落。'),
  text('o03', 'news', 'zh-Hans', ['ordinary-words'], { Kuaishou: 2 }, '快手当天公布可灵的新版本，工作人员快手快脚地把演示设备搬上了台。'),
  text(
    'o04',
    'broker',
    'zh-Hans',
    ['ordinary-words'],
    { 'Kunlun Tech': 1 },
    '这套视频渲染的细节可谓巧夺天工；昆仑万维表示相关能力会在下季度开放。',
  ),
  text(
    'o05',
    'news',
    'en',
    ['ordinary-words'],
    { 'Stability AI': 1, Midjourney: 1 },
    "Stability's interim chief executive told staff the lab would license models to studios; Midjourney declined to comment.",
  ),
  text(
    'o06',
    'news',
    'en',
    ['ordinary-words'],
    { Runway: 1 },
    'Runway’s spokesperson said the video model would reach paying users in March.',
  ),
  text(
    'o07',
    'news',
    'en',
    ['ordinary-words'],
    {},
    'Founders say they need eighteen months of runway, executives at three funds said on Tuesday.',
  ),
  text(
    'o08',
    'news',
    'en',
    ['ordinary-words'],
    { Amazon: 1 },
    'Amazon, the retailer, said shoppers can now generate product videos with its Nova model.',
  ),
]

// A third holdout (25 texts: precision 0.769 by pair, recall 0.952) found foreign personal
// names written with a middle dot (穆罕默德·阿里), product names that are also words in
// martial arts or music (混元太极, the album 《月之暗面》, 清影 in a poem), 科技 far from
// any name admitting a name (星火计划…科技项目), and model versions that are any
// generation (the Gen-2 chip). These are new sentences of the same kinds.
export const NAMES_AND_WORDS: AccuracyText[] = [
  text('o09', 'news', 'zh-Hans', ['negative'], {}, '纪录片讲述了阿里·本·哈桑的航海故事，摄制组在阿曼取景三个月。'),
  text('o10', 'wechat', 'zh-Hans', ['negative'], {}, '师父说混元功要每天早上练，配合太极拳效果更好。'),
  text('o11', 'wechat', 'zh-Hans', ['negative'], {}, '乐队翻唱了整张《月之暗面》专辑，现场效果比唱片还震撼。'),
  text('o12', 'news', 'zh-Hans', ['negative'], {}, '县里的星火项目带动了三个乡镇的特色种植，科技特派员常驻村里。'),
  text('o13', 'news', 'en', ['negative'], {}, 'The Gen-3 battery pack charges in twenty minutes, the automaker said.'),
  text(
    'o14',
    'broker',
    'zh-Hans',
    ['lists'],
    { Runway: 1, Kuaishou: 1, 'Moonshot AI': 1, Tencent: 2 },
    '本周更新：Gen-4、可灵与Kimi均上线新功能，腾讯混元也开放了图生视频接口。',
  ),
  text('o15', 'broker', 'zh-Hans', ['baseline'], { 'Zhipu AI': 2 }, '智谱发布清影视频模型新版，生成时长提升至十秒。'),
]
