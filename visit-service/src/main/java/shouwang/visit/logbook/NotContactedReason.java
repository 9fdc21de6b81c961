package shouwang.visit.logbook;

/** Why a planned visit did not reach the cadre: 不在家, 拒绝, 住院, 联系不上, 其他. */
public enum NotContactedReason {
    NOT_HOME, REFUSED, HOSPITALISED, UNREACHABLE, OTHER
}
