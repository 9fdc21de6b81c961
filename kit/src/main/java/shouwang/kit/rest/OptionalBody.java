package shouwang.kit.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.problem.InvalidFieldsException;

/**
 * The optional JSON body of an action ({@code POST .../withdraw}): clients may send none at all, without a
 * Content-Type, which a typed JAX-RS body parameter would answer with 415. Takes the raw bytes: none (or only
 * whitespace) is no body; otherwise it must be {@code application/json} in UTF-8 (else 415, as a typed body would be)
 * and is read as {@code type} as strictly as a typed body ({@link StrictRequests}: unknown fields refused; invalid UTF-8
 * too); a parse error is left to the kit's mappers (a 400 naming the field). The resource documents it as an optional
 * JSON body ({@code @RequestBody(required = false)}), so clients and the hostile-input suites see its real shape.
 */
@ApplicationScoped
public class OptionalBody {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    public <T> T read(byte[] raw, HttpHeaders headers, Class<T> type, T whenAbsent) throws IOException {
        if (raw == null || new String(raw, StandardCharsets.ISO_8859_1).isBlank()) {
            return whenAbsent;
        }
        MediaType mediaType = headers.getMediaType();
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new NotSupportedException("The body must be application/json (UTF-8), or none at all");
        }
        T body = objectMapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(raw);
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
