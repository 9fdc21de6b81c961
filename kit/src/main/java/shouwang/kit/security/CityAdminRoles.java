package shouwang.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A {@code city-admin} may do whatever a {@code district-admin} may, in every district: it is given that role too,
 * once, here, so no endpoint lists both and none can forget the city. {@link CallerScope} still tells them apart (a
 * city admin's scope is never narrowed by {@code district_codes}).
 */
@ApplicationScoped
public class CityAdminRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.CITY_ADMIN) || identity.hasRole(Roles.DISTRICT_ADMIN)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.DISTRICT_ADMIN).build());
    }
}
