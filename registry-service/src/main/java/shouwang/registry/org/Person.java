package shouwang.registry.org;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

import shouwang.registry.JsonListColumn;

/** One of an org record's responsible people: who is named in escalation notices for that org. */
public record Person(Role role, String name, String phone) {

    /** LEADER: the org's leader (level 1 of the ladder); DUTY_OFFICER: who answers when no leader is listed. */
    public enum Role {
        LEADER, DUTY_OFFICER
    }

    /** The people as a JSON array in one column of the org row. */
    @Converter
    public static class Column extends JsonListColumn<Person> {
        public Column() {
            super(new TypeReference<>() {
            });
        }
    }
}
