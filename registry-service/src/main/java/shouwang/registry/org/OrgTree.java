package shouwang.registry.org;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.security.OrgHierarchy;

/**
 * The communities of a street officer's streets and of a district admin's districts, from the registry's own org
 * tables (active districts, streets and communities); the deployment serves a city once any district record exists.
 */
@ApplicationScoped
public class OrgTree implements OrgHierarchy {

    @Inject
    OrgRepository repository;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        // a claim is the token's, not ours: a code no record could have (a NUL) is never sent to the database
        return repository.communitiesOfActiveStreets(streetCodes.stream().filter(OrgService::wellFormed).toList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        return repository.communitiesOfActiveDistricts(districtCodes.stream().filter(OrgService::wellFormed).toList());
    }

    /** A deactivated district still makes a city: a district admin naming no district must not see everything. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasDistricts() {
        return repository.hasDistricts();
    }
}
