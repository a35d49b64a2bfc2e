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
