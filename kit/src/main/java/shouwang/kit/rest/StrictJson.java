package shouwang.kit.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as a careful reader takes it: a field twice is an error (not "the last one wins"), an enum is its name (not a
 * number), an integer is not {@code 1.5}, a date or instant is an ISO-8601 string (not a number, not ""), with a year
 * from 1 to 9999 (what every client and PostgreSQL can hold), and no text holds U+0000. Jackson's own limits (nesting 1,000 deep, 20 MB strings) stay in force; the
 * kit's mappers answer all of these as a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    /** Last, so our date deserialisers replace the JavaTimeModule's that Quarkus registers before. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Boolean too: Jackson reads 2 as true, so {"bereavedOnlyChild":2} (volunteer-service) set a flag no one sent
        for (LogicalType type : new LogicalType[] { LogicalType.DateTime, LogicalType.Enum, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        SimpleModule years = new SimpleModule("shouwang-years");
        years.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDate::parse, LocalDate::getYear));
        years.addDeserializer(Instant.class, new Bounded<>(Instant.class,
                text -> OffsetDateTime.parse(text).toInstant(), i -> i.atOffset(ZoneOffset.UTC).getYear()));
        years.addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, OffsetDateTime::parse,
                OffsetDateTime::getYear));
        years.addDeserializer(String.class, new NoNul());
        mapper.registerModule(years);
    }

    /** PostgreSQL text cannot hold U+0000: refused while reading, it is a 400 naming the field, not a 500 at insert. */
    static final class NoNul extends StdDeserializer<String> {

        static final String MESSAGE = "must not contain the NUL character (U+0000)";

        NoNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser,
                    context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(parser, MESSAGE);
            }
            return value;
        }
    }

    /** An ISO-8601 string and nothing else, within the years every store can hold. */
    static final class Bounded<T> extends StdDeserializer<T> {

        interface Parse<T> {
            T parse(String text);
        }

        interface Year<T> {
            int of(T value);
        }

        private final Parse<T> parse;
        private final Year<T> year;

        Bounded(Class<T> type, Parse<T> parse, Year<T> year) {
            super(type);
            this.parse = parse;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText().trim();
            T value;
            try {
                value = parse.parse(text);
            } catch (java.time.DateTimeException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "not ISO-8601");
            }
            int y = year.of(value);
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                return (T) context.handleWeirdStringValue(handledType(), text,
                        "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
            }
            return value;
        }
    }
}
