package shouwang.visit.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Worklist;

/** 问题清单: needs raised in visits, each with an owner and a deadline, tracked to resolution. */
@ApplicationScoped
@Transactional
public class IssueService {

    static final String TOMBSTONE_KIND = "issue";

    @Inject
    shouwang.kit.paging.Tombstones tombstones;

    private static final Logger LOG = Logger.getLogger(IssueService.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A need as the visit service hands it over, with owner and deadline already defaulted. */
    public record NewIssue(String description, String category, String ownerOrgCode, String ownerName,
            LocalDate deadline) {
    }

    /** {@code overdue}: open past the deadline (true), or not (false). */
    public record IssueFilter(UUID cadreId, String communityCode, String ownerOrgCode, IssueItem.Status status,
            Boolean overdue, Instant updatedSince) {
    }

    /** One item per need, placed where the visit was. */
    public List<UUID> raise(UUID visitId, UUID cadreId, Placement placement, List<NewIssue> needs) {
        List<UUID> ids = new ArrayList<>();
        for (NewIssue need : needs) {
            IssueItem item = new IssueItem();
            item.id = UUID.randomUUID();
            item.visitId = visitId;
            item.cadreId = cadreId;
            item.description = need.description();
            item.category = need.category();
            item.ownerOrgCode = need.ownerOrgCode();
            item.ownerName = need.ownerName();
            item.deadline = need.deadline();
            item.status = IssueItem.Status.OPEN;
            item.placement = placement.copy();
            item.createdAt = clock.now();
            item.updatedAt = item.createdAt;
            em.persist(item);
            ids.add(item.id);
            LOG.infof("Issue %s raised by visit %s for cadre %s, owner %s, due %s", item.id, visitId, cadreId,
                    item.ownerOrgCode, item.deadline);
        }
        return ids;
    }

    /** The item as clients read it: overdue as of today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IssueDto view(IssueItem item) {
        return IssueDto.of(item, clock.today());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> idsOfVisit(UUID visitId) {
        return em.createQuery("select i.id from IssueItem i where i.visitId = :visit order by i.createdAt, i.id",
                UUID.class).setParameter("visit", visitId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IssueItem> find(UUID id) {
        return Optional.ofNullable(em.find(IssueItem.class, id));
    }

    public IssueDto resolve(IssueItem item, String resolution, String username) {
        IssueItem managed = em.find(IssueItem.class, item.id, LockModeType.PESSIMISTIC_WRITE);
        if (managed.status == IssueItem.Status.RESOLVED) {
            if (resolution.equals(managed.resolution)) {
                return view(managed); // a retried request
            }
            throw new ConflictException("Issue " + item.id + " is already resolved");
        }
        managed.status = IssueItem.Status.RESOLVED;
        managed.resolution = resolution;
        managed.resolvedAt = clock.now();
        managed.resolvedBy = username;
        managed.updatedAt = managed.resolvedAt;
        LOG.infof("Issue %s resolved", managed.id);
        return view(managed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IssueDto> list(IssueFilter filter, Scope scope, PageRequest page) {
        LocalDate today = clock.today();
        ListQuery<IssueItem> query = ListQuery.of(IssueItem.class, "i")
                .eq("i.cadreId", filter.cadreId())
                .eq("i.placement.communityCode", filter.communityCode())
                .eq("i.ownerOrgCode", filter.ownerOrgCode())
                .eq("i.status", filter.status())
                .since("i.updatedAt", filter.updatedSince());
        if (filter.overdue() != null) {
            String overdue = "i.status = :open and i.deadline < :today";
            query.where(filter.overdue() ? overdue : "not (" + overdue + ")",
                    Map.of("open", IssueItem.Status.OPEN, "today", today));
        }
        return Worklist.withRemoved(query.inScope(scope, "i.placement").orderBy("i.deadline, i.id")
                .pageEach(page, i -> IssueDto.of(i, today)), tombstones, TOMBSTONE_KIND, scope,
                filter.updatedSince());
    }

    /**
     * Open items follow the cadre: a move re-places them (and hands those the old community owned to the new one),
     * leaving tombstones for the old community's devices; a death closes them.
     */
    void onProfilesApplied(@jakarta.enterprise.event.Observes shouwang.visit.readmodel.ProfilesApplied applied) {
        applied.changes().forEach(this::onCadreChanged);
    }

    private void onCadreChanged(shouwang.visit.readmodel.CadreChanged change) {
        var cadre = change.cadre();
        Instant now = clock.now();
        if (change.left() && shouwang.visit.readmodel.Cadre.DECEASED.equals(cadre.status)) {
            int closed = em.createQuery("update IssueItem i set i.status = :closed, i.resolution = 'CADRE_DECEASED', "
                    + "i.resolvedAt = :now, i.updatedAt = :now where i.cadreId = :cadre and i.status = :open")
                    .setParameter("closed", IssueItem.Status.CLOSED).setParameter("now", now)
                    .setParameter("cadre", cadre.id).setParameter("open", IssueItem.Status.OPEN).executeUpdate();
            if (closed > 0) {
                LOG.infof("Closed %d open issues of deceased cadre %s", closed, cadre.id);
            }
            return;
        }
        if (!change.moved() || !cadre.isActive()) {
            return;
        }
        Placement to = cadre.placement();
        List<IssueItem> open = em.createQuery("select i from IssueItem i where i.cadreId = :cadre and i.status = :open",
                IssueItem.class).setParameter("cadre", cadre.id).setParameter("open", IssueItem.Status.OPEN)
                .getResultList();
        for (IssueItem item : open) {
            Placement from = item.placement();
            if (from.equals(to)) {
                continue;
            }
            tombstones.record(TOMBSTONE_KIND, item.id, from, to, shouwang.kit.paging.Tombstones.MOVED, now);
            if (item.ownerOrgCode != null && item.ownerOrgCode.equals(from.communityCode)) {
                item.ownerOrgCode = to.communityCode;
            } else if (item.ownerOrgCode != null && item.ownerOrgCode.equals(from.gridCode)) {
                item.ownerOrgCode = to.gridCode;
            }
            item.placement = to.copy();
            item.updatedAt = now;
        }
        if (!open.isEmpty()) {
            LOG.infof("Cadre %s moved: %d open issues follow to community %s", cadre.id, open.size(),
                    to.communityCode);
        }
    }
}
