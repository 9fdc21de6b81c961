package shouwang.kit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Request bodies refuse fields they do not know: a misspelt {@code "comunityCode"} would otherwise be dropped in
 * silence and the row saved without it. (Nulls inside lists are left to Bean Validation, {@code List<@NotNull T>},
 * so that one answer names every bad element.) Only REST bodies: events and stored JSON are still read tolerantly by the
 * application's own mapper (a newer producer may add fields; old rows keep theirs).
 */
@Provider
public class StrictRequests implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictRequests(ObjectMapper mapper) {
        this.strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
