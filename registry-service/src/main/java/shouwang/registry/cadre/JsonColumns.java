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

    static <T> String write(List<T> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Converter
    public static class Contacts implements AttributeConverter<List<Contact>, String> {
        @Override
        public String convertToDatabaseColumn(List<Contact> value) {
            return write(value);
        }

        @Override
        public List<Contact> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<List<Contact>>() {
            });
        }
    }

    @Converter
    public static class FamilyContacts implements AttributeConverter<List<FamilyContact>, String> {
        @Override
        public String convertToDatabaseColumn(List<FamilyContact> value) {
            return write(value);
        }

        @Override
        public List<FamilyContact> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<List<FamilyContact>>() {
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
