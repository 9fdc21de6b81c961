package shouwang.kit.paging;

import java.util.List;
import java.util.function.Function;

/** The one list shape of the contract: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
