package shouwang.volunteer.request;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What dispatching needs to know of a provider; the provider capability implements it (so it may use
 * {@link ServiceType} without the two packages depending on each other).
 */
public interface ProviderDirectory {

    record ProviderCard(UUID id, String name, boolean active, Set<ServiceType> serviceTypes,
            Set<String> communityCodes) {
    }

    Optional<ProviderCard> card(UUID providerId);
}
