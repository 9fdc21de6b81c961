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
 * Content-Type, which a typed JAX-RS body parameter would answer with 415. Reads it as text, then as {@code type}.
 */
@ApplicationScoped
public class OptionalBody {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    public <T> T read(String raw, Class<T> type, T whenAbsent) {
        if (raw == null || raw.isBlank()) {
            return whenAbsent;
        }
        T body;
        try {
            body = objectMapper.readValue(raw, type);
        } catch (JsonProcessingException e) {
            throw InvalidFieldsException.of("body", "is not valid JSON for this request: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
