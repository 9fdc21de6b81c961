package shouwang.registry;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The XLSX media type, and whether a client asked for it (reports are JSON unless {@code Accept} says XLSX). */
public final class XlsxMedia {

    public static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxMedia() {
    }

    /** The first non-wildcard type of {@code Accept} is the XLSX one. */
    public static boolean wanted(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().filter(type -> !type.isWildcardType()).findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(TYPE))).orElse(false);
    }
}
