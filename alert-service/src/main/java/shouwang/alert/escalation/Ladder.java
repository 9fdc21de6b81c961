package shouwang.alert.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import shouwang.alert.cadre.Contact;
import shouwang.alert.org.Org;
import shouwang.alert.org.OrgKind;
import shouwang.alert.org.Orgs;
import shouwang.alert.org.Person;
import shouwang.alert.policy.KindRule;
import shouwang.kit.security.Placement;

/**
 * The escalation ladder, as rules. Each level has its own layers and people: 0 the responsible unit and community
 * (原单位、社区) with the cadre's contacts, 1 the same orgs with their leaders, 2 the street office (街道) of the
 * cadre's community, 3 the district bureau (区委老干部局) of the cadre's district, where it stops. Who is called comes
 * from the org records ({@link Orgs}); pure otherwise, so it is unit-tested without the application.
 */
@Singleton
public class Ladder {

    public static final int TOP_LEVEL = 3;
    public static final String UNIT = "UNIT";
    public static final String COMMUNITY = "COMMUNITY";
    public static final String STREET = "STREET";
    public static final String BUREAU = "BUREAU";
    /** The person role of a cadre's responsible contact (包保联系人) at level 0. */
    public static final String CONTACT = "CONTACT";
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

    /** The cadre as the ladder reads it: where it lives, its responsible contacts, its street when registry says. */
    public record Cadre(Placement placement, List<Contact> contacts, String streetCode) {
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

    /** The misses of one level escalate once: only a miss of the current level counts. */
    public static Miss onMiss(boolean resolved, int currentLevel, int missedLevel) {
        if (resolved || missedLevel != currentLevel) {
            return Miss.RECORDED;
        }
        return currentLevel >= TOP_LEVEL ? Miss.AT_TOP : Miss.ESCALATES;
    }

    /**
     * The alert resolves once every layer asked at its current level has visited (at any level); the responsible
     * UNIT and COMMUNITY having both visited also resolves it at every level (the people closest to the cadre went).
     */
    public static boolean resolvedBy(List<String> completedLayers, List<String> askedNow, List<String> responsible) {
        return completedLayers.containsAll(askedNow) || completedLayers.containsAll(responsible);
    }

    /**
     * The responsible layers (level 0): UNIT when the cadre has a unit (the contact's org, else the cadre's unit), and
     * always COMMUNITY (where the cadre lives now, else the contact's org), so a move of house asks the new community.
     */
    public List<String> responsibleLayers(Cadre cadre) {
        return responsibleOrgs(cadre).stream().map(OrgRef::layer).toList();
    }

    /** The layers asked at a level, with their org and the people who must act. */
    public List<LayerOrg> layers(int level, Cadre cadre, Orgs orgs) {
        return switch (level) {
            case 0 -> responsibleOrgs(cadre).stream()
                    .map(o -> layer(o.layer(), o.code(), orgs, contactsOf(cadre, o.layer(), o.code())))
                    .toList();
            case 1 -> responsibleOrgs(cadre).stream()
                    .map(o -> layer(o.layer(), o.code(), orgs, org(orgs, o.layer(), o.code())
                            .map(Org::leadersOrDutyOfficers).orElse(List.of())))
                    .toList();
            case 2 -> {
                String street = orgs.streetOf(cadre.placement().communityCode, cadre.streetCode()).orElse(null);
                yield street == null ? List.of(bureau(cadre, orgs))
                        : List.of(layer(STREET, street, orgs,
                                org(orgs, STREET, street).map(Org::people).orElse(List.of())));
            }
            default -> List.of(bureau(cadre, orgs));
        };
    }

    /** Who must act now: every person of every layer asked, under the ladder's role for the level. */
    public static List<Actor> mustActNow(int level, List<LayerOrg> layers) {
        List<Actor> actors = new ArrayList<>();
        for (LayerOrg layer : layers) {
            String role = roleAt(level, layer.layer());
            if (layer.people().isEmpty()) {
                actors.add(new Actor(role, layer.orgCode(), null, null, layer.layer(), layer.orgName(), null));
            }
            layer.people().forEach(p -> actors.add(new Actor(role, layer.orgCode(), p.name(), p.phone(),
                    layer.layer(), layer.orgName(), p.role())));
        }
        return actors;
    }

    private static String roleAt(int level, String layer) {
        if (BUREAU.equals(layer)) {
            return "DISTRICT_BUREAU";
        }
        return switch (level) {
            case 0 -> layer;
            case 1 -> layer + "_LEADER";
            default -> "STREET_OFFICE";
        };
    }

    /** The district of the cadre's community (community → street → district); null when unknown (one district). */
    public static String districtOf(Cadre cadre, Orgs orgs) {
        return orgs.districtOf(cadre.placement().communityCode, cadre.streetCode()).orElse(null);
    }

    /**
     * In a city, the bureau of the cadre's district: its DISTRICT record's name and people (the org still asked, with
     * nobody to call, while the record has not arrived). Where no district is known (a one-district deployment), the
     * BUREAU record, else the configured code and name (before registry published one) with nobody to call.
     */
    private LayerOrg bureau(Cadre cadre, Orgs orgs) {
        String district = districtOf(cadre, orgs);
        if (district != null) {
            return orgs.find(OrgKind.DISTRICT, district)
                    .map(d -> new LayerOrg(BUREAU, d.code(), d.name(), d.people()))
                    .orElse(new LayerOrg(BUREAU, district, null, List.of()));
        }
        return orgs.bureau(config.districtBureauCode())
                .map(b -> new LayerOrg(BUREAU, b.code(), b.name(), b.people()))
                .orElse(new LayerOrg(BUREAU, config.districtBureauCode(), config.districtBureauName(), List.of()));
    }

    private static LayerOrg layer(String layer, String orgCode, Orgs orgs, List<Person> people) {
        return new LayerOrg(layer, orgCode, org(orgs, layer, orgCode).map(Org::name).orElse(null), List.copyOf(people));
    }

    private static Optional<Org> org(Orgs orgs, String layer, String code) {
        return code == null ? Optional.empty() : orgs.find(OrgKind.valueOf(layer), code);
    }

    /** The cadre's contacts of the layer; one of another org (a community the cadre left) is not asked. */
    private static List<Person> contactsOf(Cadre cadre, String layer, String orgCode) {
        return cadre.contacts().stream()
                .filter(c -> layer.equals(c.layer()) && (blankToNull(c.orgCode()) == null || c.orgCode().equals(orgCode)))
                .map(c -> new Person(CONTACT, c.name(), c.phone()))
                .toList();
    }

    /** A layer's org at level 0. */
    private record OrgRef(String layer, String code) {
    }

    private static List<OrgRef> responsibleOrgs(Cadre cadre) {
        List<OrgRef> orgs = new ArrayList<>();
        String unit = firstOf(orgOfContact(cadre.contacts(), UNIT), cadre.placement().unitCode);
        if (unit != null) {
            orgs.add(new OrgRef(UNIT, unit));
        }
        orgs.add(new OrgRef(COMMUNITY, firstOf(cadre.placement().communityCode, orgOfContact(cadre.contacts(), COMMUNITY))));
        return orgs;
    }

    private static String orgOfContact(List<Contact> contacts, String layer) {
        return contacts.stream()
                .filter(c -> layer.equals(c.layer()) && blankToNull(c.orgCode()) != null)
                .map(Contact::orgCode)
                .findFirst()
                .orElse(null);
    }

    private static String firstOf(String preferred, String fallback) {
        return blankToNull(preferred) != null ? preferred : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
