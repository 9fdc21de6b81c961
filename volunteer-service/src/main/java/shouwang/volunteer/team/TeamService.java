package shouwang.volunteer.team;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerRef;
import shouwang.volunteer.roster.VolunteerService;
import shouwang.volunteer.team.TeamDtos.MemberView;
import shouwang.volunteer.team.TeamDtos.TeamRequest;
import shouwang.volunteer.team.TeamDtos.TeamView;

/**
 * Teams are run by their community's workers (and district admins); whoever's scope (a volunteer's: its token's)
 * holds the team's community may browse them.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    private static final Logger LOG = Logger.getLogger(TeamService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    VolunteerService volunteers;

    @Inject
    CadreDirectory cadres;

    @Inject
    Clock clock;

    public Saved<TeamView> create(TeamRequest request) {
        Team existing = Rows.repeated(Team.class, request.id());
        if (existing != null) {
            return Saved.existing(view(existing));
        }
        callerScope.requireCommunity(request.communityCode());
        Team team = new Team();
        team.id = request.id() == null ? UUID.randomUUID() : request.id();
        team.name = request.name().trim();
        team.category = request.category();
        team.communityCode = request.communityCode();
        team.description = request.description();
        team.createdBy = callerScope.username();
        team.createdAt = clock.now();
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
        return Saved.created(view(team));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView get(UUID id) {
        Team team = Rows.require(Team.class, "Team", id);
        if (!callerScope.scope().coversCommunity(team.communityCode)) {
            throw new NotFoundException("Team", id);
        }
        return view(team);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamView> list(String communityCode, ServiceCategory category, UUID memberId, PageRequest page) {
        callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
        return ListQuery.of(Team.class, "t")
                .inScope(StaffScope.communitiesOf(callerScope.scope()), "t")
                .eq("t.communityCode", communityCode)
                .eq("t.category", category)
                .where("t.id in (select m.teamId from TeamMember m where m.volunteerId = :value)", memberId)
                .orderBy("t.createdAt asc, t.id asc")
                .pageEach(page, this::view);
    }

    public TeamView addMember(UUID teamId, VolunteerRef ref) {
        Team team = managed(teamId);
        join(team, volunteers.resolve("", ref, team.communityCode));
        team.updatedAt = clock.now();
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
        team.updatedAt = clock.now();
        LOG.infof("Volunteer %s left team %s", volunteerId, team.id);
        return view(team);
    }

    public TeamView appointLeader(UUID teamId, UUID volunteerId) {
        Team team = managed(teamId);
        if (TeamMember.findById(new TeamMember.Key(team.id, volunteerId)) == null) {
            throw InvalidFieldsException.of("volunteerId", "is not a member of this team");
        }
        team.leaderId = volunteerId;
        team.updatedAt = clock.now();
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
        member.joinedAt = clock.now();
        member.persist();
    }

    /** A change to a team: its row is locked so concurrent member changes do not interleave. */
    private Team managed(UUID id) {
        Team team = Rows.lock(Team.class, "Team", id);
        callerScope.requireCommunity(team.communityCode);
        return team;
    }

    private TeamView view(Team team) {
        List<MemberView> members = VolunteerService.withVolunteers(TeamMember.<TeamMember>list("teamId", team.id),
                member -> member.volunteerId, (member, volunteer) -> new MemberView(member.volunteerId,
                        volunteer.name, volunteer.cadreId, member.volunteerId.equals(team.leaderId) ? "LEADER" : "MEMBER",
                        member.joinedAt))
                .stream().sorted(Comparator.comparing(MemberView::joinedAt).thenComparing(MemberView::volunteerId))
                .toList();
        MemberView leader = members.stream().filter(m -> m.volunteerId().equals(team.leaderId)).findFirst()
                .orElse(null);
        return new TeamView(team.id, team.name, team.category, team.category.label(), team.communityCode,
                team.description, leader, members, members.size(), team.createdAt, team.updatedAt);
    }
}
