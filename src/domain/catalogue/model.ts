/**
 * Closed lists of the catalogue (主动公开目录, glossary §2 and §5): item kinds, statuses,
 * validity, disclosure modes, genres and the fifteen items of Regulation art. 20.
 */

/** Table 2 of the annual report counts 规章 and 规范性文件; everything else is `other`. */
export const CATALOGUE_KINDS = ['rule', 'normative_document', 'other'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];
export const CATALOGUE_KIND_LABELS: Record<CatalogueKind, string> = {
  rule: '规章',
  normative_document: '行政规范性文件',
  other: '其他',
};

/**
 * Where an item is in its life: saved but not yet public, public, no longer current.
 * Only published and repealed items are shown on the portal (isPublic).
 */
export const ITEM_STATUSES = ['draft', 'published', 'repealed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  published: '已发布',
  repealed: '已废止或失效',
};

/** 有效性 (glossary §2). */
export const VALIDITIES = ['in_force', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  in_force: '有效',
  expired: '失效',
  repealed: '废止',
};

/** 公开方式 / 公开属性 (glossary §1). */
export const DISCLOSURE_MODES = ['proactive', 'on_application', 'not_disclosed'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  on_application: '依申请公开',
  not_disclosed: '不予公开',
};

/**
 * 体裁分类: the fifteen document types of 《党政机关公文处理工作条例》(2012) art. 8, stored as the
 * Chinese term; items that are not 公文 (数据, 图解, 解读 …) are `other` (glossary §5.3).
 */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  'other',
] as const;
export type Genre = (typeof GENRES)[number];

/** Regulation art. 20: the fifteen kinds of information every agency publishes proactively. */
export const ART20_ITEM_LABELS: Readonly<Record<number, string>> = {
  1: '行政法规、规章和规范性文件',
  2: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  3: '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  4: '国民经济和社会发展统计信息',
  5: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  6: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  7: '财政预算、决算信息',
  8: '行政事业性收费项目及其依据、标准',
  9: '政府集中采购项目的目录、标准及实施情况',
  10: '重大建设项目的批准和实施情况',
  11: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  12: '突发公共事件的应急预案、预警信息及应对情况',
  13: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  14: '公务员招考的职位、名额、报考条件等事项以及录用结果',
  15: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
};

/**
 * Whether the public may see (and search) the item: published or no longer current, and
 * disclosed proactively. Drafts never reach the portal or its search index.
 */
export function isPublic(item: { status: ItemStatus; disclosureMode: DisclosureMode }): boolean {
  return item.status !== 'draft' && item.disclosureMode === 'proactive';
}
