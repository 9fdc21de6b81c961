package shouwang.kit.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.Panache;

import shouwang.kit.security.Scope;

/**
 * The one filtered, scope-limited, paged list query of every list endpoint (JPQL over one entity). A filter whose
 * value was not given adds nothing; {@link #inScope} limits the rows to the caller's scope; {@link #page} runs the
 * count and the page with the same conditions.
 * <pre>{@code ListQuery.of(Alert.class, "a")
 *         .eq("a.status", query.status())
 *         .since("a.updatedAt", query.updatedSince())
 *         .inScope(caller.scope(), "a.placement")
 *         .orderBy("a.raisedAt desc, a.id desc")
 *         .page(page, alerts -> views(alerts))}</pre>
 */
public final class ListQuery<E> {

    private final Class<E> type;
    private final String alias;
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();
    private String orderBy;
    private int names;

    private ListQuery(Class<E> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    public static <E> ListQuery<E> of(Class<E> type, String alias) {
        return new ListQuery<>(type, alias);
    }

    public ListQuery<E> eq(String path, Object value) {
        return compare(path, "=", value);
    }

    public ListQuery<E> atLeast(String path, Object value) {
        return compare(path, ">=", value);
    }

    public ListQuery<E> atMost(String path, Object value) {
        return compare(path, "<=", value);
    }

    public ListQuery<E> before(String path, Object value) {
        return compare(path, "<", value);
    }

    public ListQuery<E> after(String path, Object value) {
        return compare(path, ">", value);
    }

    /** {@code updatedSince}: rows changed at or after the instant (a device syncing forward misses nothing). */
    public ListQuery<E> since(String path, Object value) {
        return atLeast(path, value);
    }

    /** A condition with one parameter written {@code :value} (a subquery, an {@code in}), when value is given. */
    public ListQuery<E> where(String condition, Object value) {
        if (value != null) {
            String name = "p" + names++;
            where.append(" and (").append(condition.replace(":value", ":" + name)).append(')');
            params.put(name, value);
        }
        return this;
    }

    /** A condition with parameters of its own names, always added. */
    public ListQuery<E> where(String condition, Map<String, Object> parameters) {
        where.append(" and (").append(condition).append(')');
        params.putAll(parameters);
        return this;
    }

    /** A condition without parameters, always added. */
    public ListQuery<E> where(String condition) {
        return where(condition, Map.of());
    }

    /** Rows whose embedded placement ({@code path}, e.g. {@code "t.placement"}) the scope covers. */
    public ListQuery<E> inScope(Scope scope, String placementPath) {
        Map<String, Object> scopeParams = new HashMap<>();
        where.append(" and ").append(scope.jpql(placementPath, scopeParams));
        params.putAll(scopeParams);
        return this;
    }

    /** JPQL order, e.g. {@code "t.deadline asc, t.id asc"}; keep a unique last key so pages never overlap. */
    public ListQuery<E> orderBy(String order) {
        this.orderBy = order;
        return this;
    }

    public <D> Page<D> page(PageRequest page, Function<List<E>, List<D>> views) {
        return page(Panache.getEntityManager(type), page, views);
    }

    public <D> Page<D> pageEach(PageRequest page, Function<? super E, ? extends D> view) {
        return page(page, rows -> rows.stream().<D>map(view).toList());
    }

    public <D> Page<D> page(EntityManager em, PageRequest page, Function<List<E>, List<D>> views) {
        String from = " from " + type.getSimpleName() + " " + alias + " where " + where;
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        TypedQuery<E> rows = em.createQuery("select " + alias + from
                + (orderBy == null ? "" : " order by " + orderBy), type);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        List<E> found = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(views.apply(found), page.page(), page.size(), count.getSingleResult());
    }

    /** Every matching row, unpaged: for exports and internal sweeps over an already bounded set. */
    public List<E> list(EntityManager em) {
        TypedQuery<E> rows = em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias
                + " where " + where + (orderBy == null ? "" : " order by " + orderBy), type);
        params.forEach(rows::setParameter);
        return rows.getResultList();
    }

    private ListQuery<E> compare(String path, String operator, Object value) {
        return where(path + " " + operator + " :value", value);
    }
}
