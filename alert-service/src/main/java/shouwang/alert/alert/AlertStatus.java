package shouwang.alert.alert;

public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
