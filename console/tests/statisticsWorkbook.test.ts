import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { statisticsWorkbook } from '../src/statisticsWorkbook';

describe('statisticsWorkbook', () => {
  it('writes the statistics as an Excel file with Chinese sheets, labels and counts', async () => {
    const buffer = await statisticsWorkbook({
      asOf: '2026-12-02', total: 300, aged70PlusShare: 0.657,
      byRank: { COUNTY_CHIEF: 14, OTHER: 102 }, byAgeBand: { '<60': 16, '90+': 34 },
      byRetirementType: { LIXIU: 12, TUIXIU: 288 }, byGender: { MALE: 170, FEMALE: 130 },
      byPartyMember: { true: 230, false: 70 }, byCommunity: { SQ002: 46, SQ001: 57 },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '按职级', '按年龄段', '按离退休类型', '按性别', '按政治面貌', '按社区']);
    const rows = (name: string) => book.getWorksheet(name)!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows('概况')).toEqual([['项目', '数值'], ['统计截至', '2026-12-02'], ['在册老干部（人）', 300], ['70岁以上占比', 0.657]]);
    expect(rows('按职级')).toEqual([['类别', '人数'], ['正县级', 14], ['副县级', 0], ['正科级', 0], ['副科级', 0], ['其他', 102]]);
    expect(rows('按离退休类型')).toEqual([['类别', '人数'], ['离休', 12], ['退休', 288]]);
    expect(rows('按政治面貌')).toEqual([['类别', '人数'], ['非党员', 70], ['党员', 230]]);
    expect(rows('按社区')).toEqual([['类别', '人数'], ['SQ001', 57], ['SQ002', 46]]);
  });
});
