package shouwang.kit.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one list shape of the contract: {@code {"items":[...],"page":0,"size":50,"total":N}}. A worklist asked with
 * {@code updatedSince} also carries {@code removed}: what left the caller's view since then (see {@link Tombstones}),
 * so an offline device drops it; absent otherwise.
 */
public record Page<T>(List<T> items, int page, int size, long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Removed> removed) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total, removed);
    }

    /** This page with the records that left the caller's view. */
    public Page<T> withRemoved(List<Removed> gone) {
        return new Page<>(items, page, size, total, List.copyOf(gone));
    }
}
