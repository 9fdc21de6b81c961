package shouwang.registry.org;

import java.util.Locale;

/**
 * The kinds of org record, in the order an import applies them (a parent before its children): a district before its
 * streets, a street before its communities, a community before its grids.
 */
public enum OrgKind {
    BUREAU("区委老干部局", Bureau.class),
    DISTRICT("区", District.class),
    STREET("街道", Street.class),
    UNIT("单位", Unit.class),
    COMMUNITY("社区", Community.class),
    GRID("网格", Grid.class);

    private final String label;
    private final Class<? extends OrgRecord> type;

    OrgKind(String label, Class<? extends OrgRecord> type) {
        this.label = label;
        this.type = type;
    }

    public String label() {
        return label;
    }

    Class<? extends OrgRecord> type() {
        return type;
    }

    /** The parent's kind: a street's district, a community's street, a grid's community; null for the others. */
    public OrgKind parent() {
        return switch (this) {
            case STREET -> DISTRICT;
            case COMMUNITY -> STREET;
            case GRID -> COMMUNITY;
            default -> null;
        };
    }

    /** A kind from its code or its Chinese label (区/单位/街道/社区/网格, also 原单位); null when neither. */
    public static OrgKind parse(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        for (OrgKind kind : values()) {
            if (kind.name().equals(value.toUpperCase(Locale.ROOT)) || kind.label.equals(value)) {
                return kind;
            }
        }
        return "原单位".equals(value) ? UNIT : null;
    }
}
