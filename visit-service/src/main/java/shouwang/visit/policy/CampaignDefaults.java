package shouwang.visit.policy;

import java.time.LocalTime;

import shouwang.visit.VisitConfig;

/**
 * What a campaign of the district uses when its request says nothing: how many days before a greeting day its tasks
 * open, how many days after it a greeting still counts, and the emergency day's cut-off (district time).
 */
public record CampaignDefaults(int greetingLeadDays, int greetingGraceDays, LocalTime emergencyCutOff) {

    /** Version 0, the shipped city default: {@code shouwang.visit.campaigns.*}. */
    public static CampaignDefaults configured(VisitConfig.Campaigns config) {
        return new CampaignDefaults(config.greetingLeadDays(), config.greetingGraceDays(), config.emergencyCutOff());
    }
}
