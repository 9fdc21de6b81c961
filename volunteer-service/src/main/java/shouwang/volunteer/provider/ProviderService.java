package shouwang.volunteer.provider;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Scope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.provider.ProviderDtos.ProviderForm;
import shouwang.volunteer.provider.ProviderDtos.ProviderView;
import shouwang.volunteer.request.ProviderDirectory;
import shouwang.volunteer.request.ServiceType;

/**
 * Providers are registered by staff of every community they serve (or a district admin) and seen by staff of any of
 * those communities (a grid worker: of its grids' communities).
 */
@ApplicationScoped
@Transactional
public class ProviderService implements ProviderDirectory {

    private static final Logger LOG = Logger.getLogger(ProviderService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    CadreDirectory cadres;

    @Inject
    Clock clock;

    public Saved<ProviderView> register(ProviderForm form) {
        Provider existing = Rows.repeated(Provider.class, form.id());
        if (existing != null) {
            requireVisible(existing);
            return Saved.existing(ProviderMapper.view(existing));
        }
        Set<String> communities = new LinkedHashSet<>();
        form.communityCodes().forEach(code -> communities.add(code.trim()));
        communities.forEach(callerScope::requireCommunity);
        Provider provider = new Provider();
        provider.id = form.id() == null ? UUID.randomUUID() : form.id();
        provider.name = form.name().trim();
        provider.serviceTypes = new HashSet<>(form.serviceTypes());
        provider.communityCodes = new HashSet<>(communities);
        provider.phone = form.phone().trim();
        provider.contactName = form.contactName();
        provider.active = true;
        provider.createdBy = callerScope.username();
        provider.createdAt = clock.now();
        provider.updatedAt = provider.createdAt;
        provider.persist();
        LOG.infof("Provider %s registered for %s in %s", provider.id, provider.serviceTypes, provider.communityCodes);
        return Saved.created(ProviderMapper.view(provider));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProviderView get(UUID id) {
        Provider provider = Rows.require(Provider.class, "Provider", id);
        requireVisible(provider);
        return ProviderMapper.view(provider);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProviderView> list(String communityCode, ServiceType serviceType, PageRequest page) {
        callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
        ListQuery<Provider> query = ListQuery.of(Provider.class, "p");
        Scope scope = callerScope.scope();
        if (!scope.districtWide()) {
            Set<String> seen = communitiesSeen();
            if (seen.isEmpty()) {
                query.where("1 = 0");
            } else {
                query.where("exists (select 1 from Provider q join q.communityCodes c where q = p and c in :value)",
                        seen);
            }
        }
        return query
                .where("exists (select 1 from Provider q join q.communityCodes c where q = p and c = :value)",
                        communityCode)
                .where("exists (select 1 from Provider q join q.serviceTypes t where q = p and t = :value)",
                        serviceType)
                .orderBy("p.createdAt asc, p.id asc")
                .pageEach(page, ProviderMapper::view);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProviderCard> card(UUID providerId) {
        Provider provider = providerId == null ? null : Provider.findById(providerId);
        return Optional.ofNullable(provider).map(p -> new ProviderCard(p.id, p.name, p.active,
                Set.copyOf(p.serviceTypes), Set.copyOf(p.communityCodes)));
    }

    /** The communities whose providers the caller sees: its own, and those of its grids (from the cadre read model). */
    private Set<String> communitiesSeen() {
        Scope scope = callerScope.scope();
        Set<String> seen = new HashSet<>(scope.communityCodes());
        for (String grid : scope.gridCodes()) {
            String community = cadres.communityOfGrid(grid);
            if (community != null) {
                seen.add(community);
            }
        }
        return seen;
    }

    private void requireVisible(Provider provider) {
        if (callerScope.scope().districtWide()) {
            return;
        }
        Set<String> seen = communitiesSeen();
        if (provider.communityCodes.stream().noneMatch(seen::contains)) {
            throw new NotFoundException("Provider", provider.id);
        }
    }

}
