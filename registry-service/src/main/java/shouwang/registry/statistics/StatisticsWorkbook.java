package shouwang.registry.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Labels;

/**
 * The statistics as XLSX with Chinese headers, one sheet 干部统计: a row per (分类, 项目, 人数), the figures of the JSON
 * answer in its order, with labels instead of codes and community names beside their codes.
 */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static void write(CadreStatistics statistics, Map<String, String> communityNames, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Shouwang", "1.0");
        Worksheet sheet = workbook.newWorksheet("干部统计");
        String[] titles = { "分类", "项目", "人数" };
        for (int i = 0; i < titles.length; i++) {
            sheet.value(0, i, titles[i]);
            sheet.style(0, i).bold().set();
        }
        int[] row = { 1 };
        sheet.value(row[0], 0, "统计日期");
        sheet.value(row[0]++, 1, statistics.asOf().toString());
        sheet.value(row[0], 0, "总人数");
        sheet.value(row[0], 1, "合计");
        sheet.value(row[0]++, 2, statistics.total());
        section(sheet, row, "离退休类型", statistics.byRetirementType(),
                key -> Labels.label(Labels.parse(RetirementType.class, key)));
        section(sheet, row, "性别", statistics.byGender(), key -> Labels.label(Labels.parse(Gender.class, key)));
        section(sheet, row, "是否党员", statistics.byPartyMember(), key -> "true".equals(key) ? "党员" : "非党员");
        section(sheet, row, "职级", statistics.byRank(), key -> Labels.label(Labels.parse(Rank.class, key)));
        section(sheet, row, "年龄段", statistics.byAgeBand(), key -> key + "岁");
        sheet.value(row[0], 0, "70岁及以上占比");
        sheet.value(row[0], 1, "占比");
        sheet.value(row[0]++, 2, statistics.aged70PlusShare());
        section(sheet, row, "社区", statistics.byCommunity(),
                code -> communityNames.getOrDefault(code, code) + "（" + code + "）");
        section(sheet, row, "区", statistics.byDistrict(), code -> code);
        sheet.width(0, 16);
        sheet.width(1, 28);
        workbook.finish();
    }

    private static void section(Worksheet sheet, int[] row, String title, Map<String, Long> counts,
            Function<String, String> label) {
        counts.forEach((key, count) -> {
            sheet.value(row[0], 0, title);
            sheet.value(row[0], 1, label.apply(key));
            sheet.value(row[0]++, 2, count);
        });
    }
}
