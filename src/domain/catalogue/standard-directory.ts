/**
 * 基层政务公开标准目录: the 26 domains of the State Council's grass-roots standardisation work
 * (基层政务公开标准化规范化). Source: 《国务院办公厅关于全面推进基层政务公开标准化规范化工作的
 * 指导意见》(国办发〔2019〕54号), which has county and township governments compile their own
 * standard directory "对照国务院部门制定的26个试点领域标准指引" by the end of 2020; the 26 domains
 * are those of the guidelines the State Council departments issued (2019–2020) after the pilot of
 * 国办发〔2017〕42号. Names as in those guidelines; 卫生健康 was called 卫生计生 and 生态环境 环境保护
 * in the 2017 pilot. Checked against township directories published under them (e.g. 金乡县胡集镇,
 * 宣汉县胡家镇, 通海县九龙街道), which use these names for their sections.
 *
 * The catalogue has no field for the domain: an item belongs to a domain when its
 * `catalogue_category` (组配分类, the portal's own category) is the domain's name exactly.
 */

export interface StandardDomain {
  /** Stable identifier (pinyin-free English), used in addresses. */
  id: string;
  /** The domain's name as the guidelines print it. */
  name: string;
  /** The catalogue_category value that files an item under the domain. */
  catalogueCategory: string;
}

const domain = (id: string, name: string): StandardDomain => ({ id, name, catalogueCategory: name });

export const STANDARD_DOMAINS: readonly StandardDomain[] = [
  domain('major_construction', '重大建设项目'),
  domain('public_resource_trading', '公共资源交易'),
  domain('budget', '财政预决算'),
  domain('work_safety', '安全生产'),
  domain('tax', '税收管理'),
  domain('land_requisition', '征地补偿'),
  domain('housing_expropriation', '国有土地上房屋征收与补偿'),
  domain('rural_housing', '农村危房改造'),
  domain('urban_rural_planning', '城乡规划'),
  domain('environment', '生态环境'),
  domain('public_culture', '公共文化服务'),
  domain('public_legal', '公共法律服务'),
  domain('poverty_alleviation', '扶贫'),
  domain('disaster_relief', '救灾'),
  domain('social_assistance', '社会救助'),
  domain('elderly_care', '养老服务'),
  domain('household_registration', '户籍管理'),
  domain('agricultural_subsidies', '涉农补贴'),
  domain('food_drug', '食品药品监管'),
  domain('urban_enforcement', '城市综合执法'),
  domain('employment', '就业'),
  domain('social_insurance', '社会保险'),
  domain('compulsory_education', '义务教育'),
  domain('health', '卫生健康'),
  domain('municipal_services', '市政服务'),
  domain('affordable_housing', '保障性住房'),
];

/** Agency types whose own standard directory the portal shows (乡镇, 街道). */
export const TOWNSHIP_AGENCY_TYPES = ['township', 'street'] as const;
