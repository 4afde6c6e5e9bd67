/** Agencies (行政机关) form a hierarchy: a city above a county, its office, departments, townships. */

export const AGENCY_TYPES = [
  'government', // 人民政府
  'general_office', // 人民政府办公室（厅）
  'department', // 工作部门（局、委、办）
  'township', // 乡、镇
  'street', // 街道办事处
  'dispatched', // 派出机构 / 内设机构 acting in its own name (art. 10 ¶2)
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  government: '人民政府',
  general_office: '政府办公室',
  department: '政府工作部门',
  township: '乡镇',
  street: '街道',
  dispatched: '派出机构',
  other: '其他机关',
};

export interface Agency {
  id: number;
  /** Stable code, e.g. the unified social credit code or a local code; unique. */
  code: string;
  name: string;
  type: AgencyType;
  parentId: number | null;
}
