/**
 * The portal's demo content (called once by the demo loader): the 信息公开指南 and 信息公开制度
 * of 宁海县人民政府办公室, and a few catalogue items that make every column show something —
 * one item per art. 20 kind, items filed under the 26 standard-directory domains for a township
 * and a street, and a policy interpretation (政策解读) linked to its policy. Everything goes
 * through the real use cases. Addresses, telephone numbers and web addresses are placeholders.
 */

import { linkInterpretation } from '../catalogue/link-interpretation.ts';
import { listItems } from '../catalogue/query-items.ts';
import { saveItem } from '../catalogue/save-item.ts';
import type { SaveItemInput } from '../catalogue/schemas.ts';
import { NINGHAI_OFFICE } from '../demo/demo-agencies.ts';
import type { Deps } from '../deps.ts';
import { savePortalPage } from './save-page.ts';

const OFFICE = '330226-01';
const DEVELOPMENT = '330226-12';
const YUELONG = '330226-31';
const XIDIAN = '330226-42';

export const DEMO_GUIDE = `## 一、总则
为便于公民、法人和其他组织获取宁海县人民政府办公室的政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。机构名称、办公地址等发生变化时，本指南及时更新。
## 二、主动公开
- 公开范围：《条例》第十九条、第二十条、第二十一条规定应当主动公开的政府信息，以及本机关主动公开目录列明的其他政府信息。
- 政府信息的分类：按主题分类（如综合政务、财政、民政等）和体裁分类（通知、公告、报告等）编排；属于《条例》第二十条所列事项的，同时标明所属事项。
- 编排体系：每条政府信息有唯一的索引号（组织机构代码/年份-流水号），并载明名称、内容概述、发布机构、成文日期、发布日期、文号和有效性。
- 获取方式：本网站“政府信息公开”栏目（主动公开目录、全文检索、订阅更新）；《宁海县人民政府公报》；县档案馆、县图书馆和县行政服务中心设立的政府信息查阅场所。
- 公开时限：属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）。
## 三、依申请公开
- 受理机构：宁海县人民政府办公室（县政务公开办公室）。
- 申请方式：通过本网站“依申请公开”在线提交；或者填写申请表，当面提交、邮寄或传真至下列地址。书面申请确有困难的，可以口头提出，由受理机构代为填写。
- 申请内容：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的形式和途径（《条例》第二十九条）。
- 答复期限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日（《条例》第三十三条）。
- 收费：依申请提供政府信息不收费；申请数量、频次明显超过合理范围的，依照国办函〔2020〕109号收取信息处理费。
## 四、政府信息公开工作机构
- 名称：宁海县人民政府办公室（县政务公开办公室）
- 办公地址：宁海县跃龙街道示例路1号（演示地址）
- 办公时间：工作日上午8:30—12:00，下午14:00—17:30（法定节假日除外）
- 联系电话：0574-00000000（演示号码）
- 传真号码：0574-00000001（演示号码）
- 互联网联系方式：网址 https://www.example.org/ninghai （演示网址）；电子邮箱 gongkai@example.org（演示地址）
- 邮政编码：315600
## 五、监督和救济
公民、法人或者其他组织认为本机关未按要求履行政府信息公开义务的，可以向宁海县人民政府办公室（县政务公开办公室）投诉、举报（《条例》第四十七条、第五十一条）；认为在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。`;

export const DEMO_RULES = `## 一、主动公开制度
本机关按照《条例》第二十条至第二十六条编制和更新主动公开目录，明确公开的内容、主体、时限和方式；政府信息自形成或者变更之日起20个工作日内公开。
## 二、依申请公开工作制度
依照《条例》第四十五条，建立政府信息公开申请登记、审核、办理、答复、归档的工作制度：
- 登记：收到申请当日登记，依照《条例》第三十一条确定收到申请之日；
- 审核：申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正（《条例》第三十条）；
- 办理：需征求第三方或者其他机关意见的，依照《条例》第三十二条、第三十四条书面征求；
- 答复：依照《条例》第三十六条作出答复，答复书载明救济途径和期限；
- 归档：申请材料、办理记录和答复书按档案管理规定归档。
## 三、公开前审查制度
拟公开的政府信息，依照《条例》第十七条进行保密审查和公开审查；不能确定是否可以公开的，报有关主管部门或者保密行政管理部门确定。
## 四、动态调整制度
依照《条例》第十八条，定期对不予公开的政府信息进行评估审查，因情势变化可以公开的，及时公开。
## 五、政策解读和回应关切制度
出台重要政策文件时，同步发布政策解读；对涉及本机关的虚假或者不完整信息，依照《条例》第六条及时发布准确的政府信息予以澄清。
## 六、考核、评议和责任追究制度
依照《条例》第四十六条、第四十七条，政府信息公开工作纳入年度考核，接受社会评议；对不依法履行公开义务的，依照《条例》第五十二条、第五十三条追究责任。
## 七、年度报告制度
每年1月31日前编制并公布上一年度政府信息公开工作年度报告（《条例》第四十九条、第五十条）。`;

type DemoItem = Omit<SaveItemInput, 'agency' | 'kind'> & { agency: string };

const ITEMS: readonly DemoItem[] = [
  {
    agency: OFFICE,
    title: '宁海县人民政府办公室主要职责和内设机构',
    subject: '综合政务\\机构职能',
    art20Item: 2,
    madeOn: '2025-01-10',
    body: '宁海县人民政府办公室是县人民政府的办事机构，协助县政府领导处理县政府日常工作。（演示数据）',
  },
  {
    agency: OFFICE,
    title: '宁海县2025年国民经济和社会发展计划',
    genre: '报告',
    subject: '国民经济管理、国有资产监管\\发展规划',
    art20Item: 3,
    madeOn: '2025-02-20',
  },
  {
    agency: OFFICE,
    title: '2024年宁海县国民经济和社会发展统计公报',
    genre: '公报',
    subject: '国民经济管理、国有资产监管\\统计',
    art20Item: 4,
    madeOn: '2025-03-18',
  },
  {
    agency: OFFICE,
    title: '宁海县人民政府办公室2025年部门预算',
    subject: '财政、金融、审计\\财政',
    catalogueCategory: '财政预决算',
    art20Item: 7,
    madeOn: '2025-02-12',
  },
  {
    agency: OFFICE,
    title: '宁海县2025年政府集中采购目录及限额标准',
    genre: '通知',
    subject: '财政、金融、审计\\政府采购',
    catalogueCategory: '公共资源交易',
    art20Item: 9,
    madeOn: '2025-01-20',
  },
  {
    agency: OFFICE,
    title: '宁海县突发事件总体应急预案',
    genre: '通知',
    subject: '公安、安全、司法\\应急管理',
    art20Item: 12,
    madeOn: '2025-04-15',
  },
  {
    agency: OFFICE,
    title: '宁海县2025年度考试录用公务员公告',
    genre: '公告',
    subject: '劳动、人事、监察\\公务员管理',
    art20Item: 14,
    madeOn: '2025-03-05',
  },
  {
    agency: OFFICE,
    title: '宁海县2025年政务公开工作要点',
    genre: '通知',
    subject: '综合政务\\政务公开',
    art20Item: 15,
    madeOn: '2025-05-06',
  },
  {
    agency: DEVELOPMENT,
    title: '宁海县发展和改革局行政许可事项办事指南',
    subject: '国民经济管理、国有资产监管\\行政审批',
    art20Item: 5,
    madeOn: '2025-03-12',
  },
  {
    agency: DEVELOPMENT,
    title: '宁海县发展和改革局行政处罚裁量基准',
    genre: '通知',
    subject: '国民经济管理、国有资产监管\\价格监督',
    art20Item: 6,
    madeOn: '2025-04-02',
  },
  {
    agency: DEVELOPMENT,
    title: '宁海县发展和改革局2025年行政事业性收费项目目录',
    genre: '通知',
    subject: '财政、金融、审计\\收费',
    art20Item: 8,
    madeOn: '2025-02-26',
  },
  {
    agency: DEVELOPMENT,
    title: '宁海县2025年重大建设项目计划',
    genre: '通知',
    subject: '国民经济管理、国有资产监管\\发展规划',
    catalogueCategory: '重大建设项目',
    art20Item: 10,
    madeOn: '2025-03-28',
  },
  {
    agency: XIDIAN,
    title: '西店镇2025年第三季度城乡最低生活保障对象名单公示',
    genre: '公告',
    subject: '民政、乡村振兴、救灾\\社会救助',
    catalogueCategory: '社会救助',
    art20Item: 11,
    madeOn: '2025-07-08',
  },
  {
    agency: XIDIAN,
    title: '西店镇2025年耕地地力保护补贴发放情况公示',
    genre: '公告',
    subject: '农业、林业、水利\\农业',
    catalogueCategory: '涉农补贴',
    art20Item: 11,
    madeOn: '2025-06-16',
  },
  {
    agency: XIDIAN,
    title: '宁海县西店镇人民政府2025年财政预算',
    subject: '财政、金融、审计\\财政',
    catalogueCategory: '财政预决算',
    art20Item: 7,
    madeOn: '2025-02-18',
  },
  {
    agency: XIDIAN,
    title: '西店镇2025年农村低收入群体住房安全保障对象公示',
    genre: '公告',
    subject: '城乡建设、环境保护\\住房',
    catalogueCategory: '农村危房改造',
    madeOn: '2025-05-20',
  },
  {
    agency: XIDIAN,
    title: '西店镇居家养老服务照料中心服务指南',
    subject: '民政、乡村振兴、救灾\\养老服务',
    catalogueCategory: '养老服务',
    madeOn: '2025-04-09',
  },
  {
    agency: XIDIAN,
    title: '西店镇2025年安全生产大检查情况通报',
    genre: '通报',
    subject: '公安、安全、司法\\安全生产',
    catalogueCategory: '安全生产',
    art20Item: 13,
    madeOn: '2025-09-03',
  },
  {
    agency: YUELONG,
    title: '跃龙街道2025年公益性岗位招聘公告',
    genre: '公告',
    subject: '劳动、人事、监察\\就业',
    catalogueCategory: '就业',
    art20Item: 11,
    madeOn: '2025-03-25',
  },
  {
    agency: YUELONG,
    title: '跃龙街道2025年城乡居民基本养老保险参保缴费指南',
    subject: '劳动、人事、监察\\社会保险',
    catalogueCategory: '社会保险',
    madeOn: '2025-01-15',
  },
  {
    agency: YUELONG,
    title: '跃龙街道2025年第二季度特困人员供养名单公示',
    genre: '公告',
    subject: '民政、乡村振兴、救灾\\社会救助',
    catalogueCategory: '社会救助',
    art20Item: 11,
    madeOn: '2025-04-10',
  },
];

/** Loads the guide, the rules, the demo items and one interpretation link; returns the items added. */
export async function loadPortalDemo(deps: Deps): Promise<number> {
  const system = { system: 'demo' } as const;
  await savePortalPage(
    deps,
    { agency: OFFICE, kind: 'guide', title: `${NINGHAI_OFFICE}政府信息公开指南`, body: DEMO_GUIDE },
    system,
  );
  await savePortalPage(
    deps,
    { agency: OFFICE, kind: 'rules', title: `${NINGHAI_OFFICE}政府信息公开制度`, body: DEMO_RULES },
    system,
  );
  for (const item of ITEMS) {
    await saveItem(deps, {
      kind: 'other',
      publishedOn: item.madeOn,
      effectiveOn: item.madeOn,
      summary: `${item.title}。（演示数据）`,
      body: `${item.title}。（演示数据）`,
      ...item,
    });
  }
  // 政策解读: an interpretation of the office's first 2025 normative document.
  const policies = await listItems(deps, {
    agency: OFFICE,
    year: 2025,
    kind: 'normative_document',
    pageSize: 100,
  });
  const policy = policies.items.at(-1);
  if (policy) {
    const { item } = await saveItem(deps, {
      agency: OFFICE,
      kind: 'other',
      title: `《${policy.title}》政策解读`,
      subject: policy.subject,
      keywords: ['政策解读'],
      madeOn: policy.publishedOn ?? policy.madeOn,
      publishedOn: policy.publishedOn ?? policy.madeOn,
      summary: `对《${policy.title}》出台背景、主要内容和适用对象的解读。（演示数据）`,
      body: `一、出台背景\n为做好有关工作，制定本文件。\n二、主要内容\n本文件明确了工作目标、责任分工和保障措施。（演示数据）`,
    });
    await linkInterpretation(deps, { itemId: item.id, policyItemId: policy.id });
  }
  return ITEMS.length + (policy ? 1 : 0);
}
