package shouwang.registry.org;

import java.util.ArrayList;
import java.util.List;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.registry.Phones;
import shouwang.registry.org.OrgDtos.PersonInput;

/** The rules of an org record's people: a role, a name and a phone each, at most 20 people. */
public final class OrgRules {

    static final int MAX_PEOPLE = 20;

    private OrgRules() {
    }

    /**
     * The people checked and trimmed; each problem is named with its path ({@code people[1].phone}).
     *
     * @return null when {@code input} is null (a PUT that leaves the people as they are)
     */
    public static List<Person> people(List<PersonInput> input, InvalidFieldsException.Collector errors) {
        if (input == null) {
            return null;
        }
        if (input.size() > MAX_PEOPLE) {
            errors.add("people", "at most " + MAX_PEOPLE + " people");
            return List.of();
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            PersonInput person = input.get(i);
            String at = "people[" + i + "]";
            if (person == null) {
                errors.add(at, "must not be null");
                continue;
            }
            if (person.role() == null) {
                errors.add(at + ".role", "is required (LEADER or DUTY_OFFICER)");
            }
            String name = person.name() == null || person.name().isBlank() ? null : person.name().strip();
            if (name == null) {
                errors.add(at + ".name", "is required");
            } else if (name.length() > 100) {
                errors.add(at + ".name", "must be at most 100 characters");
            }
            String phone = Phones.normalize(person.phone(), at + ".phone", errors);
            if (phone == null) {
                errors.add(at + ".phone", "is required");
            }
            people.add(new Person(person.role(), name, phone));
        }
        return List.copyOf(people);
    }
}
