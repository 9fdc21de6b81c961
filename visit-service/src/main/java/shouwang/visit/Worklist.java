package shouwang.visit;

import java.time.Instant;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.security.Scope;

/** Worklists asked with {@code updatedSince} also say what left the caller's view since then (kit tombstones). */
public final class Worklist {

    private Worklist() {
    }

    public static <T> Page<T> withRemoved(Page<T> page, Tombstones tombstones, String kind, Scope scope,
            Instant updatedSince) {
        return updatedSince == null ? page : page.withRemoved(tombstones.since(kind, scope, updatedSince));
    }
}
