package shouwang.alert.org;

import java.util.List;

/** An org as alerting reads it: who it is, what it belongs to, and whom to call. */
public record Org(OrgKind kind, String code, String name, String parentCode, boolean active, List<Person> people) {

    /** The leaders; the duty officers when the org names no leader (someone must be called). */
    public List<Person> leadersOrDutyOfficers() {
        List<Person> leaders = people.stream().filter(p -> Person.LEADER.equals(p.role())).toList();
        return leaders.isEmpty() ? people.stream().filter(p -> Person.DUTY_OFFICER.equals(p.role())).toList()
                : leaders;
    }
}
