package shouwang.kit.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;

/** {@code ?page=0&size=50} as a bean parameter; bad values are a 400 naming the parameter. */
public class PageRequest {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    // Read as text so that a bad value is our 400 naming the parameter; documented as the integer it must be.
    @QueryParam("page")
    @Parameter(description = "页码，从 0 起 / Page number, from 0", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "每页条数 / Rows per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + MAX_SIZE, defaultValue = "" + DEFAULT_SIZE))
    String size;

    public PageRequest() {
    }

    private PageRequest(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public int page() {
        Integer value = QueryParams.integer("page", page);
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw InvalidFieldsException.of("page", "must be 0 or more");
        }
        return value;
    }

    public int size() {
        Integer value = QueryParams.integer("size", size);
        if (value == null) {
            return DEFAULT_SIZE;
        }
        if (value < 1 || value > MAX_SIZE) {
            throw InvalidFieldsException.of("size", "must be between 1 and " + MAX_SIZE);
        }
        return value;
    }

    /** The first row of the page; a page beyond any list (its offset past 2^31 - 1) is a 400, not a JPA error. */
    public int offset() {
        long offset = (long) page() * size();
        if (offset > Integer.MAX_VALUE) {
            throw InvalidFieldsException.of("page", "is beyond the last page any list can have ("
                    + Integer.MAX_VALUE / size() + " at size " + size() + ")");
        }
        return (int) offset;
    }
}
