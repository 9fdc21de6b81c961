package shouwang.volunteer;

import jakarta.ws.rs.core.Response;

/** The result of an idempotent create: the record, and whether this request made it (201) or found it (200). */
public record Created<T>(T value, boolean isNew) {

    public static <T> Created<T> made(T value) {
        return new Created<>(value, true);
    }

    public static <T> Created<T> found(T value) {
        return new Created<>(value, false);
    }

    public <R> Created<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new Created<>(mapper.apply(value), isNew);
    }

    public Response response() {
        return Response.status(isNew ? Response.Status.CREATED : Response.Status.OK).entity(value).build();
    }
}
