package shouwang.alert.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import shouwang.alert.cadre.Contact;
import shouwang.alert.policy.KindRule;
import shouwang.kit.security.Placement;

/**
 * The escalation ladder, as rules: level 0 the responsible unit and community (原单位、社区), 1 their leaders, 2 the
 * street office (街道), 3 the district bureau (区委老干部局), where it stops. At every level the tasks go to the cadre's
 * UNIT and COMMUNITY layers. Pure (configuration in, decisions out), so it is unit-tested without the application.
 */
@Singleton
public class Ladder {

    public static final int TOP_LEVEL = 3;
    public static final String UNIT = "UNIT";
    public static final String COMMUNITY = "COMMUNITY";
    private static final String[] LEVEL_LABELS = { "原单位和社区", "单位和社区领导", "街道", "区委老干部局" };

    /** A level of the ladder and when its visits are due. */
    public record Step(int level, Instant deadline) {
    }

    /** What a reported miss of a must-visit task does to its alert. */
    public enum Miss {
        /** A miss of the current level of an open alert below the top: one level up. */
        ESCALATES,
        /** A miss of an earlier level (the other layer, or one the deadline watch already escalated), or of a
         * resolved alert: recorded in the history only. */
        RECORDED,
        /** A miss at the top level: recorded, and the alert stays with the district bureau. */
        AT_TOP
    }

    private final LadderConfig config;

    @Inject
    public Ladder(LadderConfig config) {
        this.config = config;
    }

    public static String levelLabel(int level) {
        return LEVEL_LABELS[Math.max(0, Math.min(level, LEVEL_LABELS.length - 1))];
    }

    /** A new alert: level 0, due after the policy's deadline for its kind. */
    public static Step start(KindRule rule, Instant now) {
        return new Step(0, now.plus(rule.deadline()));
    }

    /** One level up, due after the interval the alert was raised with; there is nothing above the top level. */
    public static Step above(int level, Duration escalateEvery, Instant now) {
        if (level >= TOP_LEVEL) {
            throw new IllegalStateException("level " + level + " is the top of the ladder");
        }
        return new Step(level + 1, now.plus(escalateEvery));
    }

    /** The UNIT and COMMUNITY misses of one level escalate once: only a miss of the current level counts. */
    public static Miss onMiss(boolean resolved, int currentLevel, int missedLevel) {
        if (resolved || missedLevel != currentLevel) {
            return Miss.RECORDED;
        }
        return currentLevel >= TOP_LEVEL ? Miss.AT_TOP : Miss.ESCALATES;
    }

    /** UNIT when the cadre has a unit, and always COMMUNITY; the org is the contact's, else the cadre's placement. */
    public List<LayerOrg> layers(Placement placement, List<Contact> contacts) {
        List<LayerOrg> layers = new ArrayList<>();
        String unit = orgOf(contacts, UNIT, placement.unitCode);
        if (unit != null) {
            layers.add(new LayerOrg(UNIT, unit));
        }
        layers.add(new LayerOrg(COMMUNITY, orgOf(contacts, COMMUNITY, placement.communityCode)));
        return layers;
    }

    /** Who must act at a level: the contacts, their leaders, the street office, the district bureau. */
    public List<Actor> mustActNow(int level, Placement placement, List<Contact> contacts) {
        List<Actor> actors = new ArrayList<>();
        switch (level) {
            case 0 -> contacts.stream()
                    .filter(c -> UNIT.equals(c.layer()) || COMMUNITY.equals(c.layer()))
                    .forEach(c -> actors.add(new Actor(c.layer(), c.orgCode(), c.name(), c.phone())));
            case 1 -> layers(placement, contacts).forEach(l -> actors.add(person(l.layer() + "_LEADER", l.orgCode())));
            case 2 -> {
                String community = placement.communityCode;
                actors.add(person("STREET_OFFICE", community == null ? null : config.streetOf().get(community)));
            }
            default -> actors.add(new Actor("DISTRICT_BUREAU", config.districtBureauCode(), config.districtBureauName(),
                    config.districtBureauPhone().orElse(null)));
        }
        return actors;
    }

    private Actor person(String role, String orgCode) {
        LadderConfig.Person person = orgCode == null ? null : config.directory().get(orgCode);
        return new Actor(role, orgCode, person == null ? null : person.name(),
                person == null ? null : person.phone().orElse(null));
    }

    private static String orgOf(List<Contact> contacts, String layer, String fallback) {
        return contacts.stream()
                .filter(c -> layer.equals(c.layer()) && c.orgCode() != null && !c.orgCode().isBlank())
                .map(Contact::orgCode)
                .findFirst()
                .orElse(fallback);
    }
}
