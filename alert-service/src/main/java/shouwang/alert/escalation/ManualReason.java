package shouwang.alert.escalation;

/**
 * Why a district admin closes an alert without a visit: a fixed list, so that the audit can be counted and no alert is
 * closed with "已处理". Everything else closes only by the visits of every required layer.
 */
public enum ManualReason {
    /** 重复上报: the same event was reported as another alert, which stays open. */
    DUPLICATE_REPORT("重复上报"),
    /** 情况不属实: the reported event did not happen (checked with the cadre or the reporter). */
    REPORTED_IN_ERROR("情况不属实"),
    /** 本人无法联系，家属确认安全: the cadre cannot be reached and the family has confirmed the cadre is safe. */
    SAFE_CONFIRMED_BY_FAMILY("本人无法联系，家属确认安全");

    private final String label;

    ManualReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
