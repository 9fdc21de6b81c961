package shouwang.registry.org;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.security.StreetCommunities;

/** A street officer's communities, from the registry's own org tables (active streets, active communities). */
@ApplicationScoped
public class OrgStreetCommunities implements StreetCommunities {

    @Inject
    OrgRepository repository;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOf(Set<String> streetCodes) {
        // a claim is the token's, not ours: a code no record could have (a NUL) is never sent to the database
        return repository.communitiesOfActiveStreets(streetCodes.stream().filter(OrgService::wellFormed).toList());
    }
}
