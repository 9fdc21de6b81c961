package shouwang.visit.campaign;

/** 战时每日联系, 春节走访慰问, 重阳节走访慰问, 80 岁以上生日慰问. */
public enum CampaignType {
    EMERGENCY_DAILY, SPRING_FESTIVAL, DOUBLE_NINTH, BIRTHDAY_80;

    public boolean isGreetingRound() {
        return this != EMERGENCY_DAILY;
    }
}
