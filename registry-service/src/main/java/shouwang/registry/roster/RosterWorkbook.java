package shouwang.registry.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import shouwang.registry.cadre.Labels;

/**
 * The roster as XLSX with Chinese headers: sheet 高龄津贴名单 (communities by name) and sheet 变动情况; a frozen month
 * says so in a last row of the list.
 */
final class RosterWorkbook {

    private static final Map<String, String> CHANGES = Map.of(HighAgeRoster.TURNED_80, "年满80周岁",
            HighAgeRoster.ADDED, "新增", HighAgeRoster.BAND_CHANGED, "进入新年龄段", HighAgeRoster.DIED, "去世",
            HighAgeRoster.MOVED_AWAY, "迁出", HighAgeRoster.REMOVED, "移出");

    private RosterWorkbook() {
    }

    static void write(HighAgeRoster roster, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Shouwang", "1.0");
        Worksheet list = workbook.newWorksheet("高龄津贴名单");
        header(list, "序号", "姓名", "性别", "出生日期", "年龄", "年龄段", "身份证号", "社区", "网格编码", "原单位编码",
                "联系电话", "住址", "本月变动");
        int row = 1;
        for (HighAgeRoster.Entry entry : roster.items()) {
            list.value(row, 0, row);
            list.value(row, 1, entry.name());
            list.value(row, 2, Labels.label(entry.gender()));
            list.value(row, 3, entry.birthDate().toString());
            list.value(row, 4, entry.age());
            list.value(row, 5, entry.band());
            list.value(row, 6, entry.idNumber());
            list.value(row, 7, entry.communityName() != null ? entry.communityName() : entry.communityCode());
            list.value(row, 8, entry.gridCode());
            list.value(row, 9, entry.unitCode());
            list.value(row, 10, entry.phone());
            list.value(row, 11, entry.address());
            list.value(row, 12, entry.change() == null ? "" : CHANGES.get(entry.change()));
            row++;
        }
        if (roster.frozenAt() != null) {
            list.value(row + 1, 0, "已锁定");
            list.value(row + 1, 1, roster.frozenAt().toString());
        }
        list.width(6, 22);
        Worksheet changes = workbook.newWorksheet("变动情况");
        header(changes, "序号", "姓名", "变动", "原年龄段", "现年龄段", "日期");
        row = 1;
        for (HighAgeRoster.Change change : roster.changes()) {
            changes.value(row, 0, row);
            changes.value(row, 1, change.name());
            changes.value(row, 2, CHANGES.get(change.change()));
            changes.value(row, 3, change.fromBand());
            changes.value(row, 4, change.toBand());
            changes.value(row, 5, change.on() == null ? "" : change.on().toString());
            row++;
        }
        workbook.finish();
    }

    private static void header(Worksheet sheet, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            sheet.value(0, i, titles[i]);
            sheet.style(0, i).bold().set();
        }
    }
}
