package shouwang.alert.org;

/** The kinds of org records registry publishes; the district bureau is one record of kind {@link #BUREAU}. */
public enum OrgKind {
    UNIT, STREET, COMMUNITY, GRID, BUREAU
}
