package shouwang.visit.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import shouwang.visit.Labels;
import shouwang.visit.Risk;
import shouwang.visit.Xlsx;

/** 未按时走访名单 as XLSX: the asked page of overdue (cadre, layer) rows with Chinese headers, then the totals. */
final class CoverageWorkbook {

    static final Map<Risk, String> RISKS = Map.of(Risk.KEY_TARGET, "重点服务对象", Risk.AGED_80, "80岁以上",
            Risk.OTHERS, "其他");

    private CoverageWorkbook() {
    }

    static void write(CoverageDto coverage, java.time.ZoneId zone, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Shouwang", "1.0");
        Worksheet sheet = workbook.newWorksheet("未按时走访名单");
        Xlsx.header(sheet, List.of("序号", "姓名", "社区编码", "网格编码", "原单位编码", "风险等级", "包保层级",
                "责任单位编码", "最近联系", "应访日期", "逾期天数"));
        int row = 1;
        for (CoverageDto.Overdue item : coverage.items()) {
            sheet.value(row, 0, row);
            sheet.value(row, 1, item.name());
            sheet.value(row, 2, item.communityCode());
            sheet.value(row, 3, item.gridCode());
            sheet.value(row, 4, item.unitCode());
            sheet.value(row, 5, RISKS.get(item.risk()));
            sheet.value(row, 6, Labels.LAYERS.get(item.layer()));
            sheet.value(row, 7, item.orgCode());
            sheet.value(row, 8, item.lastContactAt() == null ? "从未联系"
                    : item.lastContactAt().atZone(zone).toLocalDate().toString());
            sheet.value(row, 9, item.dueOn().toString());
            sheet.value(row, 10, item.daysOverdue());
            row++;
        }
        row++;
        sheet.value(row, 0, "日期");
        sheet.value(row, 1, coverage.on().toString());
        sheet.value(row + 1, 0, "在册老干部");
        sheet.value(row + 1, 1, coverage.cadres());
        sheet.value(row + 2, 0, "逾期人数");
        sheet.value(row + 2, 1, coverage.overdueCadres());
        sheet.value(row + 3, 0, "逾期项数");
        sheet.value(row + 3, 1, coverage.total());
        workbook.finish();
    }
}
