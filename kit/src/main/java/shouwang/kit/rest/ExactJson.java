package shouwang.kit.rest;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Two gaps {@link StrictJson} leaves, closed for every service (first found by registry's hostile-input tests):
 * <ul>
 * <li>an enum is its exact name: Jackson strips spaces around it ({@code " COUNTY_CHIEF"} was COUNTY_CHIEF), which
 * hides a client's bug (spreadsheet cells may be trimmed: the import reads cells itself, not through this);</li>
 * <li>a field given twice inside a list element ({@code contacts[0]}) is named with its path
 * ({@code [0].phone}); the kit names duplicates at the top level only, and inside a list Jackson's wrapping left just
 * {@code [0]}.</li>
 * </ul>
 */
@Singleton
public class ExactJson implements ObjectMapperCustomizer {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("shouwang-exact");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnumName(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new NamedDuplicates(deserializer);
            }
        });
        mapper.registerModule(module);
    }

    /** A string with spaces around it is not the enum's name, whatever Jackson's lookup would forgive. */
    static final class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.equals(text.strip())) {
                    return context.handleWeirdStringValue(handledType(), text, "has spaces around the value");
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** A duplicate field inside an element: the element's path and the field, e.g. {@code contacts[0].phone}. */
    static final class NamedDuplicates extends DelegatingDeserializer {

        NamedDuplicates(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NamedDuplicates(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return super.deserialize(parser, context);
            } catch (JsonMappingException e) {
                throw named(parser, e);
            }
        }

        private static JsonMappingException named(JsonParser parser, JsonMappingException e) {
            String field = duplicate(e);
            if (field == null) {
                return e;
            }
            JsonMappingException named = JsonMappingException.from(parser, "appears more than once");
            named.prependPath(new JsonMappingException.Reference(null, field));
            List<JsonMappingException.Reference> path = e.getPath();
            for (int i = path.size() - 1; i >= 0; i--) {
                named.prependPath(path.get(i));
            }
            return named;
        }

        private static String duplicate(Throwable e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonParseException parse) {
                    Matcher matcher = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
                    return matcher.find() ? matcher.group(1) : null;
                }
            }
            return null;
        }
    }
}
