package shouwang.visit;

/** Risk profiles that set the contact cadence, highest first (the coverage list's sort order). */
public enum Risk {
    /** 重点服务对象. */
    KEY_TARGET,
    /** 80 岁以上. */
    AGED_80,
    OTHERS
}
