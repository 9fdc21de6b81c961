package shouwang.volunteer.activity;

/** What an activity is, with the label a community worker reads. */
public enum ActivityKind {
    CLASS("老年大学课程"),
    TEAM("文体队伍"),
    EVENT("活动");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
