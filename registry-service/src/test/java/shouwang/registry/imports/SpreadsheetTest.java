package shouwang.registry.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading a CSV the way the import does, without Quarkus. */
class SpreadsheetTest {

    @Test
    void theNonBlankLinesEndRightAfterTheLastDataRowAndMatchTheFirstPassCount() throws IOException {
        String csv = "\n姓名,身份证号\r\n\r\n甲,1\n,,\n\"乙,\n丙\",2\n\"\",\"  \"\n\n";
        Spreadsheet.Csv sheet = new Spreadsheet.Csv(() -> new StringReader(csv));
        int dataRows = sheet.dataRows();

        Iterator<Spreadsheet.Line> lines = sheet.nonBlank();
        List<Spreadsheet.Line> read = new ArrayList<>();
        while (lines.hasNext()) {
            read.add(lines.next());
            if (read.size() == 3) {
                assertFalse(lines.hasNext(), "blank lines after the last data row are not a next line");
            }
        }

        assertEquals(List.of(2, 4, 6), read.stream().map(Spreadsheet.Line::number).toList(), "spreadsheet row numbers");
        assertEquals(List.of("乙,\n丙", "2"), read.get(2).cells());
        assertEquals(read.size() - 1, dataRows);
        assertTrue(read.stream().noneMatch(Spreadsheet.Line::isBlank));
    }
}
