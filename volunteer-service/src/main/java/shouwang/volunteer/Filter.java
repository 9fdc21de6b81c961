package shouwang.volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.security.Scope;

/**
 * The optional filters of a list endpoint as a Panache query: a condition is added only for a value that was given.
 * <pre>{@code var f = new Filter().eq("communityCode", community).after("updatedAt", since);
 * Filter.page(Post.find(f.where(), sort, f.params()), page, posts -> ...)}</pre>
 */
public final class Filter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();
    private int names;

    public Filter eq(String field, Object value) {
        return compare(field, "=", value);
    }

    public Filter atLeast(String field, Object value) {
        return compare(field, ">=", value);
    }

    public Filter atMost(String field, Object value) {
        return compare(field, "<=", value);
    }

    public Filter after(String field, Object value) {
        return compare(field, ">", value);
    }

    /**
     * Rows placed inside the caller's scope the way {@link Scope#covers} reads it: any listed community, grid or
     * unit (a {@code null} field name is not checked). Nothing is added for a district-wide scope.
     */
    public Filter within(Scope scope, String communityField, String gridField, String unitField) {
        if (scope.districtWide()) {
            return this;
        }
        List<String> any = new ArrayList<>();
        addIn(any, communityField, scope.communityCodes());
        addIn(any, gridField, scope.gridCodes());
        addIn(any, unitField, scope.unitCodes());
        where.append(" and (").append(String.join(" or ", any)).append(')');
        return this;
    }

    private void addIn(List<String> any, String field, Set<String> codes) {
        if (field != null) {
            String name = "p" + names++;
            any.add(field + " in :" + name);
            params.put(name, codes.isEmpty() ? List.of("-") : codes);
        }
    }

    /** A condition with one parameter written {@code :value}, e.g. a subquery. */
    public Filter clause(String condition, Object value) {
        String name = "p" + names++;
        where.append(" and (").append(condition.replace(":value", ":" + name)).append(')');
        params.put(name, value);
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /** One page of the query, its rows turned into views in one go (so a view may batch-load what it needs). */
    public static <E, R> Page<R> page(PanacheQuery<E> query, PageRequest page, Function<List<E>, List<R>> views) {
        List<E> rows = query.page(page.page(), page.size()).list();
        return new Page<>(views.apply(rows), page.page(), page.size(), query.count());
    }

    private Filter compare(String field, String operator, Object value) {
        return value == null ? this : clause(field + " " + operator + " :value", value);
    }
}
