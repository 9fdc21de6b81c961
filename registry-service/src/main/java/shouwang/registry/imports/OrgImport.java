package shouwang.registry.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.problem.DomainException;
import shouwang.kit.problem.Failures;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Roles;
import shouwang.registry.org.OrgDtos.PersonInput;
import shouwang.registry.org.OrgKind;
import shouwang.registry.org.OrgService;
import shouwang.registry.org.OrgService.OrgRow;
import shouwang.registry.org.Person;

/**
 * {@code POST /imports/orgs}: districts, units, streets, communities and grids, upserted by (kind, code). Rows are
 * applied parents first whatever the file order (districts, streets, units, communities, grids; file order within a
 * kind; a street's parentCode is its district, and 区 rows are the city's alone), each in its own
 * transaction with its OrgRecordChanged event: an org file has hundreds of rows, and one bad row must not cost the
 * others. People columns, when the file has any, replace the record's people with the row's leader and duty officer.
 */
@ApplicationScoped
public class OrgImport implements RowImport {

    private static final Headers.Names NAMES = new Headers.Names()
            .field("kind", "类型", "机构类型")
            .field("code", "编码", "机构编码")
            .field("name", "名称", "机构名称")
            .field("parentCode", "上级编码", "上级机构编码")
            .field("leaderName", "领导姓名", "负责人姓名")
            .field("leaderPhone", "领导电话", "负责人电话")
            .field("dutyOfficerName", "值班人员姓名")
            .field("dutyOfficerPhone", "值班人员电话");

    /** The people columns: name column, phone column, role. */
    private static final List<String[]> PEOPLE = List.of(new String[] { "leaderName", "leaderPhone", "LEADER" },
            new String[] { "dutyOfficerName", "dutyOfficerPhone", "DUTY_OFFICER" });

    /** The service's field names as the file's columns. */
    private static final Map<String, String> FIELDS = Map.of("streetCode", "parentCode", "communityCode", "parentCode",
            "districtCode", "parentCode");

    @Inject
    OrgService org;

    @Override
    public String kind() {
        return "ORGS";
    }

    @Override
    public Rows begin(Spreadsheet.Line header, UUID jobId, Caller caller, List<RowError> missing) {
        Headers headers = Headers.of(header, NAMES, List.of("kind", "code", "name"), missing);
        if (headers == null) {
            return null;
        }
        boolean withPeople = PEOPLE.stream().anyMatch(columns -> headers.present(columns[0]));
        String actor = caller.username() + " (import:" + jobId + ")";
        return new Rows() {
            @Override
            public Result apply(List<Spreadsheet.Line> chunk) {
                Result total = new Result(0, 0, List.of());
                for (Spreadsheet.Line line : chunk) {
                    total = total.plus(row(line, headers, withPeople, actor, caller));
                }
                return total;
            }

            @Override
            public Comparator<Spreadsheet.Line> order() {
                return Comparator.comparingInt(line -> {
                    OrgKind kind = OrgKind.parse(headers.value(line.cells(), "kind"));
                    return kind == null ? Integer.MAX_VALUE : kind.ordinal();
                });
            }
        };
    }

    private Result row(Spreadsheet.Line line, Headers headers, boolean withPeople, String actor, Caller caller) {
        List<String> cells = line.cells();
        String rawKind = headers.value(cells, "kind");
        OrgKind kind = OrgKind.parse(rawKind);
        if (kind == null) {
            return rejected(line, "kind", (rawKind == null ? "is required" : "'" + rawKind + "' is not a kind")
                    + ": DISTRICT, UNIT, STREET, COMMUNITY, GRID or 区/单位/街道/社区/网格");
        }
        if (kind == OrgKind.DISTRICT && !caller.hasRole(Roles.CITY_ADMIN)) {
            return rejected(line, "kind", "only the city (city-admin) creates and edits districts");
        }
        List<PersonInput> people = null;
        List<String[]> peopleColumns = new ArrayList<>();
        if (withPeople) {
            people = new ArrayList<>();
            for (String[] columns : PEOPLE) {
                String name = headers.value(cells, columns[0]);
                String phone = headers.value(cells, columns[1]);
                if (name != null || phone != null) {
                    people.add(new PersonInput(Person.Role.valueOf(columns[2]), name, phone));
                    peopleColumns.add(columns);
                }
            }
        }
        OrgRow row = new OrgRow(kind, headers.value(cells, "code"), headers.value(cells, "name"),
                headers.value(cells, "parentCode"), people);
        try {
            QuarkusTransaction.requiringNew().call(() -> org.upsert(row, actor));
            return new Result(1, 0, List.of());
        } catch (InvalidFieldsException e) {
            List<RowError> errors = e.violations().stream()
                    .map(violation -> new RowError(line.number(), column(violation.field(), peopleColumns),
                            violation.message()))
                    .toList();
            return new Result(0, 1, errors);
        } catch (DomainException e) {
            return rejected(line, "parentCode", e.getMessage());
        } catch (RuntimeException e) {
            return rejected(line, "row", "not saved: " + Failures.rootMessage(e));
        }
    }

    /** {@code people[1].phone} back to the column it came from ({@code dutyOfficerPhone}). */
    private static String column(String field, List<String[]> peopleColumns) {
        if (field.startsWith("people[")) {
            int index = Integer.parseInt(field.substring(7, field.indexOf(']')));
            String[] columns = peopleColumns.get(index);
            return field.endsWith(".phone") ? columns[1] : columns[0];
        }
        return FIELDS.getOrDefault(field, field);
    }

    private static Result rejected(Spreadsheet.Line line, String field, String message) {
        return new Result(0, 1, List.of(new RowError(line.number(), field, message)));
    }
}
