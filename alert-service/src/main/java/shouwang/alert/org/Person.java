package shouwang.alert.org;

/** Someone to call for an org (负责人): {@code LEADER} or {@code DUTY_OFFICER} in org records. */
public record Person(String role, String name, String phone) {

    public static final String LEADER = "LEADER";
    public static final String DUTY_OFFICER = "DUTY_OFFICER";
}
