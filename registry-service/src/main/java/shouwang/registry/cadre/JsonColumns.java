package shouwang.registry.cadre;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.registry.cadre.Codes.SpecialCategory;

/** Column converters for the small value lists kept inside the cadre row. */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    /** A list of small records kept as a JSON array in one column. */
    abstract static class JsonList<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        JsonList(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> value) {
            try {
                return JSON.writeValueAsString(value == null ? List.of() : value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            if (json == null || json.isBlank()) {
                return List.of();
            }
            try {
                return List.copyOf(JSON.readValue(json, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Converter
    public static class Contacts extends JsonList<Contact> {
        public Contacts() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class FamilyContacts extends JsonList<FamilyContact> {
        public FamilyContacts() {
            super(new TypeReference<>() {
            });
        }
    }

    /** {@code DISABLED,SERIOUS_ILLNESS}: comma-joined codes in enum order. */
    @Converter
    public static class SpecialCategories implements AttributeConverter<Set<SpecialCategory>, String> {
        @Override
        public String convertToDatabaseColumn(Set<SpecialCategory> value) {
            List<String> codes = new ArrayList<>();
            if (value != null) {
                EnumSet.copyOf(value.isEmpty() ? EnumSet.noneOf(SpecialCategory.class) : value)
                        .forEach(category -> codes.add(category.name()));
            }
            return String.join(",", codes);
        }

        @Override
        public Set<SpecialCategory> convertToEntityAttribute(String text) {
            Set<SpecialCategory> categories = EnumSet.noneOf(SpecialCategory.class);
            if (text != null && !text.isBlank()) {
                for (String code : text.split(",")) {
                    categories.add(SpecialCategory.valueOf(code));
                }
            }
            return categories;
        }
    }
}
