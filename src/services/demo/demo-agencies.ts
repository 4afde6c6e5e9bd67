/**
 * The demo hierarchy: 宁波市 above 宁海县, the county's general office (whose 2020 report is
 * the reference year), a department, a street and a township. Codes are fictitious.
 */
import type { AgencyType } from '../../domain/agencies/model.ts';

export interface DemoAgency {
  code: string;
  name: string;
  type: AgencyType;
  parent: string | null;
  /** 9-character organisation code used in index numbers (fictitious). */
  orgCode: string;
}

export const NINGHAI_OFFICE = '宁海县人民政府办公室';

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { code: '330200', name: '宁波市人民政府', type: 'government', parent: null, orgCode: '00295001X' },
  { code: '330226', name: '宁海县人民政府', type: 'government', parent: '330200', orgCode: '00272001X' },
  { code: '330226-01', name: NINGHAI_OFFICE, type: 'general_office', parent: '330226', orgCode: '002720027' },
  {
    code: '330226-12',
    name: '宁海县发展和改革局',
    type: 'department',
    parent: '330226',
    orgCode: '002720121',
  },
  { code: '330226-31', name: '宁海县跃龙街道办事处', type: 'street', parent: '330226', orgCode: '002720315' },
  {
    code: '330226-42',
    name: '宁海县西店镇人民政府',
    type: 'township',
    parent: '330226',
    orgCode: '002720423',
  },
];
