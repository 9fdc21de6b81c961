// The cadre statistics as an Excel workbook with Chinese sheet names and headers: registry-service answers them in
// JSON only, so the console writes the file (exceljs, loaded only when someone downloads).
import type { components } from './api/generated/registry';
import { label } from './labels';

type Statistics = components['schemas']['CadreStatistics'];

const breakdowns: [sheet: string, key: keyof Statistics, kind?: string, order?: string[]][] = [
  ['按职级', 'byRank', 'rank', ['COUNTY_CHIEF', 'COUNTY_DEPUTY', 'SECTION_CHIEF', 'SECTION_DEPUTY', 'OTHER']],
  ['按年龄段', 'byAgeBand', undefined, ['<60', '60-69', '70-79', '80-89', '90+']],
  ['按离退休类型', 'byRetirementType', 'retirementType'],
  ['按性别', 'byGender', 'gender'],
  ['按政治面貌', 'byPartyMember', 'partyMember'],
  ['按社区', 'byCommunity'],
];

export async function statisticsWorkbook(stats: Statistics): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('概况');
  summary.columns = [{ header: '项目', width: 20 }, { header: '数值', width: 14 }];
  summary.addRows([
    ['统计截至', stats.asOf ?? ''],
    ['在册老干部（人）', stats.total ?? 0],
    ['70岁以上占比', stats.aged70PlusShare ?? 0],
  ]);
  summary.getCell('B4').numFmt = '0.0%';
  for (const [sheet, key, kind, order] of breakdowns) {
    const counts = (stats[key] ?? {}) as Record<string, number>;
    const ws = book.addWorksheet(sheet);
    ws.columns = [{ header: '类别', width: 18 }, { header: '人数', width: 10 }];
    for (const code of order ?? Object.keys(counts).sort()) ws.addRow([kind ? label(kind, code) : code, counts[code] ?? 0]);
  }
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
