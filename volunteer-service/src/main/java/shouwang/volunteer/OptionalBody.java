package shouwang.volunteer;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.problem.InvalidFieldsException;

/**
 * The optional JSON body of an action ({@code POST .../withdraw}): clients may send none at all, without a
 * Content-Type, which a typed JAX-RS body parameter would answer with 415. Reads it as text, then as {@code type}
 * with the service's strict ObjectMapper; a parse error is left to the kit's mappers (a 400 naming the field).
 */
@ApplicationScoped
public class OptionalBody {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    public <T> T read(String raw, Class<T> type, T whenAbsent) throws JsonProcessingException {
        if (raw == null || raw.isBlank()) {
            return whenAbsent;
        }
        T body = objectMapper.readValue(raw, type);
        if (body == null) {
            // JSON null is a body, but not an object: send {} or nothing at all for "no options"
            throw InvalidFieldsException.of("body", "must be a JSON object, or no body at all");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
