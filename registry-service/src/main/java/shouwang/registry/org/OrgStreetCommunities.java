package shouwang.registry.org;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.security.OrgHierarchy;

/** A street officer's communities, from the registry's own org tables (active streets, active communities). */
@ApplicationScoped
public class OrgStreetCommunities implements OrgHierarchy {

    @Inject
    OrgRepository repository;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        // a claim is the token's, not ours: a code no record could have (a NUL) is never sent to the database
        return repository.communitiesOfActiveStreets(streetCodes.stream().filter(OrgService::wellFormed).toList());
    }

    /** Registry holds no district records yet: a one-district deployment. */
    @Override
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        return Set.of();
    }

    @Override
    public boolean hasDistricts() {
        return false;
    }
}
