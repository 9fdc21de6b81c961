package shouwang.visit.campaign;

/** 战时每日联系, 春节走访慰问, 重阳节走访慰问, 80 岁以上生日慰问. */
public enum CampaignType {
    EMERGENCY_DAILY, SPRING_FESTIVAL, DOUBLE_NINTH, BIRTHDAY_80;

    public boolean isGreetingRound() {
        return this != EMERGENCY_DAILY;
    }

    /** What a visit made for this campaign is for: only such a visit (or one naming the task) ticks a greeting off. */
    public shouwang.visit.Purpose purpose() {
        return switch (this) {
            case EMERGENCY_DAILY -> shouwang.visit.Purpose.EMERGENCY_CHECK;
            case SPRING_FESTIVAL, DOUBLE_NINTH -> shouwang.visit.Purpose.FESTIVAL;
            case BIRTHDAY_80 -> shouwang.visit.Purpose.BIRTHDAY;
        };
    }
}
