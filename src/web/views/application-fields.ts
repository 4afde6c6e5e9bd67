/**
 * The fields of a disclosure application (art. 29) as the online form (/apply) and the back
 * office's registration form (/admin/applications/new) both ask for them, with their labels.
 */

/** The agency applied to and the applicant's details, description and delivery choices. */
export const APPLICATION_FIELDS = [
  'agency',
  'applicantType',
  'applicantName',
  'idDocumentType',
  'idDocumentNumber',
  'organisationCode',
  'contactPerson',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'purpose',
  'deliveryForm',
  'deliveryWay',
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export const APPLICATION_FIELD_LABELS: Record<ApplicationField, string> = {
  agency: '受理机关',
  applicantType: '申请人类型',
  applicantName: '申请人姓名或名称',
  idDocumentType: '身份证件类型',
  idDocumentNumber: '身份证件号码',
  organisationCode: '统一社会信用代码',
  contactPerson: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需政府信息的名称、文号或者特征性描述',
  purpose: '其他说明',
  deliveryForm: '获取信息的形式',
  deliveryWay: '获取信息的途径',
};

/** 获取信息的形式 (art. 29, para. 2, item 3) as select options. */
export const DELIVERY_FORM_OPTIONS = (['纸质', '电子数据', '其他'] as const).map((f) => [f, f] as const);

/** 获取信息的途径: every way a clerk can register; the online form leaves out fax. */
export const DELIVERY_WAYS = ['邮寄', '电子邮件', '网络平台', '传真', '自行领取', '当场阅读、抄录'] as const;
export const deliveryWayOptions = (ways: readonly string[] = DELIVERY_WAYS) =>
  ways.map((w) => [w, w] as const);
