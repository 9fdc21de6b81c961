package shouwang.alert.escalation;

/** Who must act now at an alert's level ({@code AlertEscalated.mustActNow}); name and phone when known. */
public record Actor(String role, String orgCode, String name, String phone) {
}
