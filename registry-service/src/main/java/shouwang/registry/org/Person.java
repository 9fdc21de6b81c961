package shouwang.registry.org;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One of an org record's responsible people: who is named in escalation notices for that org. */
public record Person(Role role, String name, String phone) {

    /** LEADER: the org's leader (level 1 of the ladder); DUTY_OFFICER: who answers when no leader is listed. */
    public enum Role {
        LEADER, DUTY_OFFICER
    }

    /** The people as a JSON array in one column of the org row. */
    @Converter
    public static class Column implements AttributeConverter<List<Person>, String> {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final TypeReference<List<Person>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<Person> people) {
            try {
                return JSON.writeValueAsString(people == null ? List.of() : people);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Person> convertToEntityAttribute(String json) {
            try {
                return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, TYPE));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
