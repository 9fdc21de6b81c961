package shouwang.visit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.security.Scope;

/**
 * One filtered, scope-limited, paged JPQL list: conditions are added one by one, then {@link #page} runs the count
 * and the page query with the same parameters.
 */
public final class PagedQuery<E> {

    private final Class<E> type;
    private final String alias;
    private final StringBuilder where = new StringBuilder("where 1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    private PagedQuery(Class<E> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    public static <E> PagedQuery<E> of(Class<E> type, String alias) {
        return new PagedQuery<>(type, alias);
    }

    /** Adds {@code and <condition>} when {@code value} is not null; the condition names it {@code :name}. */
    public PagedQuery<E> and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition with its own parameters, unconditionally. */
    public PagedQuery<E> and(String condition, Map<String, Object> parameters) {
        where.append(" and ").append(condition);
        params.putAll(parameters);
        return this;
    }

    public PagedQuery<E> inScope(Scope scope) {
        ScopeFilter.apply(scope, alias, where, params);
        return this;
    }

    public <D> Page<D> page(EntityManager em, String orderBy, PageRequest page, Function<E, D> mapper) {
        String from = " from " + type.getSimpleName() + " " + alias + " " + where;
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        TypedQuery<E> query = em.createQuery("select " + alias + from + " order by " + orderBy, type);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        List<D> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(mapper).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }
}
