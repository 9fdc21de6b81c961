package shouwang.visit.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** {@code last_contact}: the latest contact per cadre, layer and channel, which the cadence check reads. */
@ApplicationScoped
public class VisitRepository {

    @Inject
    EntityManager em;

    /** Keeps the later of the held contact and this visit (a visit logged late by an offline device is older). */
    public void recordContact(Visit visit) {
        em.createNativeQuery("insert into last_contact (cadre_id, layer, channel, last_contact_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (cadre_id, layer, channel) do update set last_contact_at = "
                + "greatest(last_contact.last_contact_at, excluded.last_contact_at)")
                .setParameter(1, visit.cadreId).setParameter(2, visit.layer.name())
                .setParameter(3, visit.channel.name())
                .setParameter(4, OffsetDateTime.ofInstant(visit.visitedAt, ZoneOffset.UTC))
                .executeUpdate();
    }
}
