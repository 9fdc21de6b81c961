package shouwang.alert.escalation;

public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
