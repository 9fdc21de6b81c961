package shouwang.alert.escalation;

/**
 * Who must act now at an alert's level ({@code AlertEscalated.mustActNow}), one per person to call (one without a
 * person when the org names nobody). {@code role} is the ladder's (UNIT, COMMUNITY at level 0, UNIT_LEADER,
 * COMMUNITY_LEADER, STREET_OFFICE, DISTRICT_BUREAU); {@code personRole} the person's in the org record (LEADER,
 * DUTY_OFFICER, or CONTACT for the cadre's responsible contacts).
 */
public record Actor(String role, String orgCode, String name, String phone, String layer, String orgName,
        String personRole) {
}
