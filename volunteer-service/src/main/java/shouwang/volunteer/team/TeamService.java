package shouwang.volunteer.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Created;
import shouwang.volunteer.Filter;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.team.TeamDtos.MemberView;
import shouwang.volunteer.team.TeamDtos.TeamRequest;
import shouwang.volunteer.team.TeamDtos.TeamView;
import shouwang.volunteer.volunteer.Volunteer;
import shouwang.volunteer.volunteer.VolunteerRef;
import shouwang.volunteer.volunteer.VolunteerService;

/** Teams are run by their community's workers (and district admins); every signed-in user may browse them. */
@ApplicationScoped
@Transactional
public class TeamService {

    private static final Logger LOG = Logger.getLogger(TeamService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    VolunteerService volunteers;

    public Created<TeamView> create(TeamRequest request) {
        if (request.id() != null) {
            Team existing = Team.findById(request.id());
            if (existing != null) {
                return Created.found(view(existing));
            }
        }
        callerScope.requireCommunity(request.communityCode());
        Team team = new Team();
        team.id = request.id() == null ? UUID.randomUUID() : request.id();
        team.name = request.name().trim();
        team.category = request.category();
        team.communityCode = request.communityCode();
        team.description = request.description();
        team.createdBy = callerScope.username();
        team.createdAt = Instant.now();
        team.updatedAt = team.createdAt;
        team.persist();
        List<VolunteerRef> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            join(team, volunteers.resolve("members[" + i + "].", members.get(i), team.communityCode));
        }
        if (request.leader() != null && !request.leader().isEmpty()) {
            Volunteer leader = volunteers.resolve("leader.", request.leader(), team.communityCode);
            join(team, leader);
            team.leaderId = leader.id;
        }
        LOG.infof("Team %s formed in %s (%s) with %d members", team.id, team.communityCode, team.category,
                TeamMember.count("teamId", team.id));
        return Created.made(view(team));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView get(UUID id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamView> list(String communityCode, ServiceCategory category, UUID memberId, PageRequest page) {
        Filter filter = new Filter().eq("communityCode", communityCode).eq("category", category);
        if (memberId != null) {
            filter.clause("id in (select m.teamId from TeamMember m where m.volunteerId = :value)", memberId);
        }
        return Filter.page(Team.<Team>find(filter.where(), Sort.by("createdAt").and("id"), filter.params()), page,
                rows -> rows.stream().map(this::view).toList());
    }

    public TeamView addMember(UUID teamId, VolunteerRef ref) {
        Team team = managed(teamId);
        join(team, volunteers.resolve("", ref, team.communityCode));
        team.updatedAt = Instant.now();
        return view(team);
    }

    public TeamView removeMember(UUID teamId, UUID volunteerId) {
        Team team = managed(teamId);
        long removed = TeamMember.delete("teamId = ?1 and volunteerId = ?2", team.id, volunteerId);
        if (removed == 0) {
            throw new NotFoundException("Team member", volunteerId);
        }
        if (volunteerId.equals(team.leaderId)) {
            team.leaderId = null;
        }
        team.updatedAt = Instant.now();
        LOG.infof("Volunteer %s left team %s", volunteerId, team.id);
        return view(team);
    }

    public TeamView appointLeader(UUID teamId, UUID volunteerId) {
        Team team = managed(teamId);
        if (TeamMember.findById(new TeamMember.Key(team.id, volunteerId)) == null) {
            throw InvalidFieldsException.of("volunteerId", "is not a member of this team");
        }
        team.leaderId = volunteerId;
        team.updatedAt = Instant.now();
        LOG.infof("Volunteer %s leads team %s", volunteerId, team.id);
        return view(team);
    }

    private void join(Team team, Volunteer volunteer) {
        if (TeamMember.findById(new TeamMember.Key(team.id, volunteer.id)) != null) {
            return;
        }
        TeamMember member = new TeamMember();
        member.teamId = team.id;
        member.volunteerId = volunteer.id;
        member.joinedAt = Instant.now();
        member.persist();
    }

    private Team find(UUID id) {
        Team team = id == null ? null : Team.findById(id);
        if (team == null) {
            throw new NotFoundException("Team", id);
        }
        return team;
    }

    /** A change to a team: its row is locked so concurrent member changes do not interleave. */
    private Team managed(UUID id) {
        Team team = id == null ? null : Team.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (team == null) {
            throw new NotFoundException("Team", id);
        }
        callerScope.requireCommunity(team.communityCode);
        return team;
    }

    private TeamView view(Team team) {
        List<TeamMember> members = TeamMember.list("teamId", team.id);
        Map<UUID, Volunteer> byId = VolunteerService.byId(members.stream().map(m -> m.volunteerId).toList());
        List<MemberView> views = new ArrayList<>();
        MemberView leader = null;
        for (TeamMember member : members) {
            Volunteer volunteer = byId.get(member.volunteerId);
            boolean leads = member.volunteerId.equals(team.leaderId);
            MemberView view = new MemberView(member.volunteerId, volunteer.name, volunteer.cadreId,
                    leads ? "LEADER" : "MEMBER", member.joinedAt);
            views.add(view);
            if (leads) {
                leader = view;
            }
        }
        views.sort(Comparator.comparing(MemberView::joinedAt).thenComparing(MemberView::volunteerId));
        return new TeamView(team.id, team.name, team.category, team.category.label(), team.communityCode,
                team.description, leader, views, views.size(), team.createdAt, team.updatedAt);
    }
}
