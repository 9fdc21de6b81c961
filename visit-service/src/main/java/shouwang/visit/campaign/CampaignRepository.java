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
}
