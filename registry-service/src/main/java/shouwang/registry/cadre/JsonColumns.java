package shouwang.registry.cadre;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

import shouwang.registry.JsonListColumn;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** Column converters for the small value lists kept inside the cadre row. */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class Contacts extends JsonListColumn<Contact> {
        public Contacts() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Ids extends JsonListColumn<UUID> {
        public Ids() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class FamilyContacts extends JsonListColumn<FamilyContact> {
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
