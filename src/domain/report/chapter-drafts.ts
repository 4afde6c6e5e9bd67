/**
 * First drafts of the six chapters for a report built from records: the figures filled in,
 * the wording for a clerk to edit. Chapter 六 of format2021 states the fees (§1), and a
 * government's report names assessment, appraisal and accountability (art. 50(四)).
 */
import { CHAPTERS } from './formats/common.ts';
import type { ChapterKey } from './formats/index.ts';
import type { AnnualReport, Chapter } from './model.ts';

export interface DraftFacts {
  /** Information-processing fees collected in the year, in yuan (format2021 chapter 六). */
  feesCollected: number;
  /** Reports of people's governments must cover art. 50(四). */
  isGovernment: boolean;
}

const n = (v: number | null | undefined) => v ?? 0;

export function draftChapters(report: AnnualReport, facts: DraftFacts): Record<ChapterKey, Chapter> {
  const t3 = (row: string) => n(report.table3[row]?.total);
  const t4 = report.table4;
  const heading = (key: ChapterKey) => CHAPTERS.find((c) => c.key === key)!.heading;
  const agency = report.agency ?? '本机关';
  const year = report.year ?? '';
  const granted = t3('granted') + t3('partial');
  const appeals =
    n(t4.reconsideration.total) +
    n(t4.litigation_direct.total) +
    n(t4.litigation_after_reconsideration.total);
  const normative = report.table2.normative_documents ?? {};
  const issuedNormative = n(normative.made ?? normative.issued);

  const overview = [
    `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进政府信息公开工作。`,
    `（一）主动公开。全年制发规范性文件${issuedNormative}件，均按规定及时公开。`,
    `（二）依申请公开。${year}年共收到政府信息公开申请${t3('new_received')}件，上年结转${t3('carried_over')}件，办结${t3('total')}件，结转下年度继续办理${t3('carried_forward')}件。`,
    '（三）政府信息管理。严格执行公开前保密审查，动态调整主动公开基本目录。',
    '（四）平台建设。依托政府门户网站政府信息公开专栏集中发布政府信息。',
    facts.isGovernment
      ? '（五）监督保障。将政府信息公开工作纳入绩效考核，开展社会评议，落实责任追究制度。'
      : '（五）监督保障。加强业务培训和日常监督检查。',
  ].join('\n');

  return {
    overview: { heading: heading('overview'), text: overview },
    proactive: { heading: heading('proactive'), text: '' },
    applications: {
      heading: heading('applications'),
      text: `本年度予以公开或部分公开${granted}件，其余按条例规定分类答复。`,
    },
    appeals: {
      heading: heading('appeals'),
      text:
        appeals === 0
          ? `${year}年未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。`
          : `${year}年因政府信息公开工作被申请行政复议${n(t4.reconsideration.total)}件，被提起行政诉讼${n(t4.litigation_direct.total) + n(t4.litigation_after_reconsideration.total)}件。`,
    },
    problems: { heading: heading('problems'), text: '（由经办人员填写本年度存在的主要问题及改进情况。）' },
    other_matters: {
      heading: heading('other_matters'),
      text:
        report.format === '2021'
          ? facts.feesCollected > 0
            ? `本年度共收取信息处理费${facts.feesCollected}元。`
            : '本年度未收取信息处理费。'
          : '本年度无其他需要报告的事项。',
    },
  };
}
