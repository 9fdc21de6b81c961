package shouwang.alert.org;

/**
 * The kinds of org records registry publishes. A one-district deployment's bureau is one record of kind
 * {@link #BUREAU}; in a city each {@link #DISTRICT} (the parent of its streets) carries its own bureau's people.
 */
public enum OrgKind {
    UNIT, STREET, COMMUNITY, GRID, BUREAU, DISTRICT
}
