package shouwang.alert.org;

import java.util.Optional;

/** Looks orgs up by kind and code; the ladder reads through it, so its rules test without a database. */
public interface Orgs {

    Optional<Org> find(OrgKind kind, String code);

    /** The district bureau's record: the one of {@code preferredCode} if known, else any active BUREAU record. */
    Optional<Org> bureau(String preferredCode);
}
