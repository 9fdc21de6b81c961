package shouwang.visit.campaign;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import shouwang.kit.security.Placement;
import shouwang.visit.Layer;

/** Greeting tasks, each added once: repeating a round adds only what is missing. */
@ApplicationScoped
public class CampaignRepository {

    @Inject
    EntityManager em;

    /** Adds the greeting task unless the campaign has it for that cadre, layer and day; returns whether it did. */
    public boolean insertTaskOnce(UUID campaignId, UUID cadreId, Layer layer, String orgCode, Placement placement,
            LocalDate openFrom, LocalDate dueOn, shouwang.visit.Purpose purpose) {
        return em.createNativeQuery("insert into campaign_task (id, campaign_id, cadre_id, layer, org_code, "
                + "community_code, grid_code, unit_code, open_from, due_on, status, purpose) values (?1, ?2, ?3, ?4, ?5, "
                + "?6, ?7, ?8, ?9, ?10, 'OPEN', ?11) on conflict (campaign_id, cadre_id, layer, due_on) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, campaignId).setParameter(3, cadreId)
                .setParameter(4, layer.name()).setParameter(5, orgCode)
                .setParameter(6, placement.communityCode).setParameter(7, placement.gridCode)
                .setParameter(8, placement.unitCode).setParameter(9, openFrom)
                .setParameter(10, dueOn).setParameter(11, purpose.name())
                .executeUpdate() == 1;
    }

    /**
     * Records every active cadre of the campaign's communities (none listed: the district) without a contact visit
     * between the day's start and its cut-off as unreached that day, once: the primary key (campaign, cadre, day)
     * makes a rescan or a second replica record nothing new. Returns the newly recorded ones.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<Unreached> recordUnreached(UUID campaignId, java.util.List<String> communities, LocalDate day,
            java.time.Instant dayStart, java.time.Instant cutOff, java.time.Instant now) {
        String inCommunities = communities.isEmpty() ? "" : " and c.community_code in (:communities)";
        var query = em.createNativeQuery("with missed as (insert into emergency_miss (campaign_id, cadre_id, on_day, "
                + "detected_at) select :campaign, c.id, :day, :now from cadre c where c.status = 'ACTIVE'" + inCommunities
                + " and not exists (select 1 from visit v where v.cadre_id = c.id and v.contacted "
                + "and v.visited_at >= :from and v.visited_at < :cutOff) "
                + "on conflict do nothing returning cadre_id) "
                + "select c.id, c.community_code, c.grid_code, c.unit_code from missed m join cadre c on c.id = m.cadre_id "
                + "order by c.community_code, c.id")
                .setParameter("campaign", campaignId).setParameter("day", day)
                .setParameter("now", utc(now)).setParameter("from", utc(dayStart)).setParameter("cutOff", utc(cutOff));
        if (!communities.isEmpty()) {
            query.setParameter("communities", communities);
        }
        return ((java.util.List<Object[]>) query.getResultList()).stream()
                .map(r -> new Unreached((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    /**
     * Completes the open greeting tasks of the cadre and layer that a contact on {@code day} ticks off: the task is
     * open by then, the visit names it or has its purpose, and the day is at most the grace days of the campaign's
     * district after the task's day (its visit policy's, else the city default's, else {@code configuredGraceDays}),
     * read in this one statement. Returns how many it completed.
     */
    public int completeGreetings(UUID visitId, UUID cadreId, Layer layer, UUID taskId, shouwang.visit.Purpose purpose,
            LocalDate day, java.time.Instant now, int configuredGraceDays) {
        java.util.List<String> madeFor = new java.util.ArrayList<>();
        if (taskId != null) {
            madeFor.add("t.id = :task");
        }
        if (purpose != null) {
            madeFor.add("t.purpose = :purpose");
        }
        if (madeFor.isEmpty()) {
            return 0;
        }
        var update = em.createNativeQuery("update campaign_task t set status = 'DONE', visit_id = :visit, "
                + "completed_at = :now, updated_at = :now from campaign c where c.id = t.campaign_id "
                + "and t.cadre_id = :cadre and t.layer = :layer and t.status = 'OPEN' and t.open_from <= :day "
                + "and (" + String.join(" or ", madeFor) + ") and t.due_on >= cast(:day as date) - "
                + shouwang.visit.policy.PolicyRepository.settingSql("greeting_grace_days", "c.district_code",
                        "configuredGrace"))
                .setParameter("visit", visitId).setParameter("now", utc(now)).setParameter("cadre", cadreId)
                .setParameter("layer", layer.name()).setParameter("day", day)
                .setParameter("configuredGrace", configuredGraceDays);
        if (taskId != null) {
            update.setParameter("task", taskId);
        }
        if (purpose != null) {
            update.setParameter("purpose", purpose.name());
        }
        return update.executeUpdate();
    }

    public void audit(UUID campaignId, String action, String detail, String actor, java.time.Instant at) {
        em.createNativeQuery("insert into campaign_audit (campaign_id, action, detail, actor, at) "
                + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, campaignId).setParameter(2, action)
                .setParameter(3, detail).setParameter(4, actor).setParameter(5, utc(at)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public java.util.List<CampaignChange> history(UUID campaignId) {
        return ((java.util.List<Object[]>) em.createNativeQuery("select action, detail, actor, at from campaign_audit "
                + "where campaign_id = ?1 order by id").setParameter(1, campaignId).getResultList()).stream()
                .map(r -> new CampaignChange((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** A cadre newly found unreached at a cut-off, where it lives. */
    public record Unreached(UUID cadreId, String communityCode, String gridCode, String unitCode) {
    }
}
