package shouwang.visit;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.dhatim.fastexcel.Worksheet;

/** XLSX answers: the media type, whether the caller asked for it, and bold Chinese header rows. */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /** The caller's first concrete Accept type is the XLSX one (a browser's download, the workbench's export). */
    public static boolean asked(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().filter(type -> !type.isWildcardType()).findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(MEDIA_TYPE))).orElse(false);
    }

    public static void header(Worksheet sheet, List<String> titles) {
        for (int i = 0; i < titles.size(); i++) {
            sheet.value(0, i, titles.get(i));
            sheet.style(0, i).bold().set();
        }
    }
}
