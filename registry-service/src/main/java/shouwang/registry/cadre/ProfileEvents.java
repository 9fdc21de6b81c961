package shouwang.registry.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.kit.outbox.Outbox;
import shouwang.registry.org.OrgDirectory;

/** Publishes the full current profile on {@code cadre-profiles} (key = cadre id) through the outbox. */
@ApplicationScoped
public class ProfileEvents {

    public static final String TOPIC = "cadre-profiles";
    public static final String REGISTERED = "CadreRegistered";
    public static final String UPDATED = "CadreUpdated";
    public static final String CONTACTS_ASSIGNED = "ContactsAssigned";
    public static final String DECEASED = "CadreDeceased";
    public static final String MOVED_AWAY = "CadreMovedAway";

    @Inject
    Outbox outbox;

    public void publish(Cadre cadre, String eventName, OrgDirectory org) {
        outbox.publish(TOPIC, cadre.id.toString(), eventName, CadreMapper.profile(cadre, org.streetOf(cadre.communityCode)));
    }
}
