package shouwang.visit.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import shouwang.visit.Channel;
import shouwang.visit.Labels;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.Xlsx;

/** 走访统计 as XLSX: one row per community (小计) followed by its grids, and a 合计 row, Chinese headers. */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("社区编码", "社区名称", "网格编码", "网格名称", "走访人次"));
        for (Layer layer : Layer.values()) {
            headers.add("层级:" + Labels.LAYERS.get(layer));
        }
        for (Channel channel : Channel.values()) {
            headers.add("方式:" + Labels.CHANNELS.get(channel));
        }
        for (Purpose purpose : Purpose.values()) {
            headers.add("目的:" + Labels.PURPOSES.get(purpose));
        }
        return headers;
    }

    static void write(VisitStatistics statistics, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Shouwang", "1.0");
        Worksheet sheet = workbook.newWorksheet("走访统计");
        Xlsx.header(sheet, headers());
        int row = 1;
        for (VisitStatistics.CommunityCounts community : statistics.byCommunity()) {
            row(sheet, row++, community.communityCode(), community.communityName(), "小计", "",
                    community.counts());
            for (VisitStatistics.GridCounts grid : community.byGrid()) {
                row(sheet, row++, community.communityCode(), community.communityName(), grid.gridCode(),
                        grid.gridName(), grid.counts());
            }
        }
        row(sheet, row, "合计", "", "", "", statistics.totals());
        sheet.value(row + 2, 0, "统计期间");
        sheet.value(row + 2, 1, statistics.from() + " 至 " + statistics.to());
        workbook.finish();
    }

    private static void row(Worksheet sheet, int row, String community, String communityName, String grid,
            String gridName, VisitStatistics.Counts counts) {
        int column = 0;
        sheet.value(row, column++, community);
        sheet.value(row, column++, communityName == null ? "" : communityName);
        sheet.value(row, column++, grid == null ? "" : grid);
        sheet.value(row, column++, gridName == null ? "" : gridName);
        sheet.value(row, column++, counts.visits());
        for (Layer layer : Layer.values()) {
            sheet.value(row, column++, counts.byLayer().get(layer));
        }
        for (Channel channel : Channel.values()) {
            sheet.value(row, column++, counts.byChannel().get(channel));
        }
        for (Purpose purpose : Purpose.values()) {
            sheet.value(row, column++, counts.byPurpose().get(purpose));
        }
    }
}
