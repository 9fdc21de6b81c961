package shouwang.kit.rest;

import jakarta.ws.rs.core.Response;

/**
 * The outcome of a create that takes a client {@code id}: the record, and whether this call created it. A retry of the
 * same create finds the record made the first time: 201 the first time, 200 after.
 */
public record Saved<T>(T body, boolean created) {

    public static <T> Saved<T> created(T body) {
        return new Saved<>(body, true);
    }

    public static <T> Saved<T> existing(T body) {
        return new Saved<>(body, false);
    }

    public Response response() {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }
}
