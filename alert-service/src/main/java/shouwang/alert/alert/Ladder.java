package shouwang.alert.alert;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.alert.alert.AlertEvents.Actor;
import shouwang.alert.alert.AlertEvents.LayerOrg;
import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.Contact;

/**
 * The escalation ladder: level 0 the responsible unit and community (原单位、社区), 1 their leaders, 2 the street office
 * (街道), 3 the district bureau (区委老干部局). At every level the tasks go to the cadre's UNIT and COMMUNITY layers.
 */
@ApplicationScoped
public class Ladder {

    public static final String UNIT = "UNIT";
    public static final String COMMUNITY = "COMMUNITY";
    private static final String[] LEVEL_LABELS = { "原单位和社区", "单位和社区领导", "街道", "区委老干部局" };

    @Inject
    LadderConfig config;

    public static String levelLabel(int level) {
        return LEVEL_LABELS[Math.max(0, Math.min(level, LEVEL_LABELS.length - 1))];
    }

    /** UNIT when the cadre has a unit, and always COMMUNITY; the org is the contact's, else the cadre's placement. */
    public List<LayerOrg> layers(CadreProfile profile, List<Contact> contacts) {
        List<LayerOrg> layers = new ArrayList<>();
        String unit = orgOf(contacts, UNIT, profile.placement().unitCode);
        if (unit != null) {
            layers.add(new LayerOrg(UNIT, unit));
        }
        layers.add(new LayerOrg(COMMUNITY, orgOf(contacts, COMMUNITY, profile.placement().communityCode)));
        return layers;
    }

    public List<Actor> mustActNow(int level, CadreProfile profile, List<Contact> contacts) {
        List<Actor> actors = new ArrayList<>();
        switch (level) {
            case 0 -> contacts.stream()
                    .filter(c -> UNIT.equals(c.layer()) || COMMUNITY.equals(c.layer()))
                    .forEach(c -> actors.add(new Actor(c.layer(), c.orgCode(), c.name(), c.phone())));
            case 1 -> layers(profile, contacts).forEach(l -> actors.add(person(l.layer() + "_LEADER", l.orgCode())));
            case 2 -> {
                String community = profile.placement().communityCode;
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
