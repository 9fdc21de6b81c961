package shouwang.visit.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.security.Scope;
import shouwang.visit.PagedQuery;
import shouwang.visit.VisitConfig;

/** 问题清单: needs raised in visits, each with an owner and a deadline, tracked to resolution. */
@ApplicationScoped
@Transactional
public class IssueService {

    private static final Logger LOG = Logger.getLogger(IssueService.class);

    @Inject
    EntityManager em;

    @Inject
    VisitConfig config;

    /** A need as the visit service hands it over, with owner and deadline already defaulted. */
    public record NewIssue(String description, String category, String ownerOrgCode, String ownerName,
            LocalDate deadline) {
    }

    public List<UUID> raise(UUID visitId, UUID cadreId, String communityCode, String gridCode, String unitCode,
            List<NewIssue> needs) {
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
            item.communityCode = communityCode;
            item.gridCode = gridCode;
            item.unitCode = unitCode;
            item.createdAt = Instant.now();
            item.updatedAt = item.createdAt;
            em.persist(item);
            ids.add(item.id);
            LOG.infof("Issue %s raised by visit %s for cadre %s, owner %s, due %s", item.id, visitId, cadreId,
                    item.ownerOrgCode, item.deadline);
        }
        return ids;
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
        IssueItem managed = em.find(IssueItem.class, item.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (managed.status == IssueItem.Status.RESOLVED) {
            if (resolution.equals(managed.resolution)) {
                return IssueDto.of(managed, today()); // a retried request
            }
            throw new ConflictException("Issue " + item.id + " is already resolved");
        }
        managed.status = IssueItem.Status.RESOLVED;
        managed.resolution = resolution;
        managed.resolvedAt = Instant.now();
        managed.resolvedBy = username;
        managed.updatedAt = managed.resolvedAt;
        LOG.infof("Issue %s resolved", managed.id);
        return IssueDto.of(managed, today());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IssueDto> list(UUID cadreId, String communityCode, String ownerOrgCode, IssueItem.Status status,
            Boolean overdue, Instant updatedSince, Scope scope, PageRequest page) {
        LocalDate today = today();
        PagedQuery<IssueItem> query = PagedQuery.of(IssueItem.class, "i")
                .and("i.cadreId = :cadreId", "cadreId", cadreId)
                .and("i.communityCode = :communityCode", "communityCode", communityCode)
                .and("i.ownerOrgCode = :owner", "owner", ownerOrgCode)
                .and("i.status = :status", "status", status)
                .and("i.updatedAt >= :updatedSince", "updatedSince", updatedSince);
        if (overdue != null) {
            query.and(overdue ? "i.status = :open and i.deadline < :today"
                    : "not (i.status = :open and i.deadline < :today)",
                    Map.of("open", IssueItem.Status.OPEN, "today", today));
        }
        return query.inScope(scope).page(em, "i.deadline, i.id", page, i -> IssueDto.of(i, today));
    }

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
