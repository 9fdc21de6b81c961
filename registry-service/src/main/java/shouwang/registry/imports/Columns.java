package shouwang.registry.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import shouwang.kit.security.Placement;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;
import shouwang.registry.cadre.Labels;

/**
 * The import columns: English headers are the cadre's JSON field names, Chinese headers those of the contract (a few
 * common variants too). A value may be the code or its Chinese label. Columns absent from the file keep the
 * cadre's current value on re-import; unknown columns are ignored.
 */
public final class Columns {

    public static final List<String> FIELDS = List.of("name", "gender", "birthDate", "idNumber", "retirementType",
            "rank", "partyMember", "unitCode", "communityCode", "gridCode", "livingArrangement", "selfCare",
            "specialCategories", "phone", "address", "notes");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Headers.Names NAMES = new Headers.Names();

    static {
        FIELDS.forEach(NAMES::field);
        NAMES.field("name", "姓名")
                .field("gender", "性别")
                .field("birthDate", "出生日期", "出生年月日")
                .field("idNumber", "身份证号", "身份证号码", "公民身份号码")
                .field("retirementType", "离退休类型", "离退休")
                .field("rank", "职级")
                .field("partyMember", "是否党员", "党员")
                .field("unitCode", "原单位编码")
                .field("communityCode", "社区编码")
                .field("gridCode", "网格编码")
                .field("livingArrangement", "居住情况")
                .field("selfCare", "自理能力", "自理情况")
                .field("specialCategories", "特殊群体")
                .field("phone", "联系电话", "电话", "手机")
                .field("address", "地址", "住址", "家庭住址")
                .field("notes", "备注");
    }

    private final Headers headers;

    private Columns(Headers headers) {
        this.headers = headers;
    }

    /**
     * Maps the header row; null when a required column is missing, with an error of the header row per missing
     * column in {@code errors}.
     */
    public static Columns of(Spreadsheet.Line header, List<RowError> errors) {
        Headers headers = Headers.of(header, NAMES, List.of("name", "idNumber"), errors);
        return headers == null ? null : new Columns(headers);
    }

    public String idNumber(List<String> cells) {
        return value(cells, "idNumber");
    }

    /**
     * The row as a cadre body: file values over the current profile ({@code base}, null for a new cadre). A value
     * that cannot be read is null in the body and an error of the row in {@code errors}, at most one per field.
     */
    public CadreInput input(Spreadsheet.Line line, Cadre base, List<RowError> errors) {
        List<String> cells = line.cells();
        Problems problems = (field, message) -> errors.add(new RowError(line.number(), field, message));
        Placement placement = base == null ? new Placement() : base.placement;
        return new CadreInput(null,
                text(cells, "name", base == null ? null : base.name),
                code(cells, "gender", Gender.class, base == null ? null : base.gender, problems),
                date(cells, "birthDate", base == null ? null : base.birthDate, problems),
                value(cells, "idNumber"),
                code(cells, "retirementType", RetirementType.class, base == null ? null : base.retirementType, problems),
                code(cells, "rank", Rank.class, base == null ? null : base.rank, problems),
                bool(cells, "partyMember", base != null && base.partyMember, problems),
                text(cells, "unitCode", placement.unitCode),
                text(cells, "communityCode", placement.communityCode),
                text(cells, "gridCode", placement.gridCode),
                code(cells, "livingArrangement", LivingArrangement.class, base == null ? null : base.livingArrangement,
                        problems),
                code(cells, "selfCare", SelfCare.class, base == null ? null : base.selfCare, problems),
                categories(cells, base == null ? null : base.specialCategories, problems),
                text(cells, "phone", base == null ? null : base.phone),
                text(cells, "address", base == null ? null : base.address),
                text(cells, "notes", base == null ? null : base.notes),
                null, null);
    }

    /** Where a cell's value could not be read: the field and what is wrong with the value. */
    private interface Problems {
        void add(String field, String message);
    }

    private String value(List<String> cells, String field) {
        return headers.value(cells, field);
    }

    private boolean present(String field) {
        return headers.present(field);
    }

    private String text(List<String> cells, String field, String current) {
        return present(field) ? value(cells, field) : current;
    }

    private <E extends Enum<E>> E code(List<String> cells, String field, Class<E> type, E current,
            Problems problems) {
        if (!present(field)) {
            return current;
        }
        String raw = value(cells, field);
        if (raw == null) {
            return null;
        }
        E parsed = Labels.parse(type, raw);
        if (parsed == null) {
            problems.add(field, "'" + raw + "' " + Labels.choices(type));
        }
        return parsed;
    }

    private Boolean bool(List<String> cells, String field, boolean current, Problems problems) {
        if (!present(field)) {
            return current;
        }
        String raw = value(cells, field);
        if (raw == null) {
            return false;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "是", "true", "yes", "y", "1", "党员", "中共党员" -> true;
            case "否", "false", "no", "n", "0", "群众", "非党员" -> false;
            default -> {
                problems.add(field, "'" + raw + "' must be 是/否 (true/false)");
                yield null;
            }
        };
    }

    /** 1938-10-02, 1938/10/2, 1938.10.2, 19381002, 1938年10月2日 or a spreadsheet date serial. */
    private LocalDate date(List<String> cells, String field, LocalDate current, Problems problems) {
        if (!present(field)) {
            return current;
        }
        String raw = value(cells, field);
        if (raw == null) {
            return null;
        }
        String value = raw.replace('年', '-').replace('月', '-').replace("日", "").replace('/', '-').replace('.', '-');
        try {
            if (value.matches("\\d{1,5}")) {
                // a spreadsheet date serial (days since 1899-12-30) that lost its date format
                return EXCEL_EPOCH.plusDays(Long.parseLong(value));
            }
            if (value.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                        Integer.parseInt(value.substring(6)));
            }
            String[] parts = value.split("-");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            }
            return LocalDate.parse(value);
        } catch (DateTimeException | NumberFormatException e) {
            problems.add(field, "'" + raw + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private Set<SpecialCategory> categories(List<String> cells, Set<SpecialCategory> current, Problems problems) {
        if (!present("specialCategories")) {
            return current;
        }
        Set<SpecialCategory> categories = EnumSet.noneOf(SpecialCategory.class);
        String raw = value(cells, "specialCategories");
        if (raw == null) {
            return categories;
        }
        List<String> unknown = new ArrayList<>();
        for (String part : raw.split("[;；,，、]")) {
            if (part.isBlank()) {
                continue;
            }
            SpecialCategory category = Labels.parse(SpecialCategory.class, part);
            if (category == null) {
                unknown.add(part.strip());
            } else {
                categories.add(category);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("specialCategories", "unknown " + unknown + ": " + Labels.choices(SpecialCategory.class));
        }
        return categories;
    }
}
