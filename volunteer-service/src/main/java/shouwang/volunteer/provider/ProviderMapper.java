package shouwang.volunteer.provider;

import java.util.List;

import shouwang.volunteer.provider.ProviderDtos.ProviderView;
import shouwang.volunteer.request.ServiceType;

/** The one place where a provider becomes a REST view. */
final class ProviderMapper {

    private ProviderMapper() {
    }

    static ProviderView view(Provider provider) {
        List<ServiceType> types = provider.serviceTypes.stream().sorted().toList();
        return new ProviderView(provider.id, provider.name, types, types.stream().map(ServiceType::label).toList(),
                provider.communityCodes.stream().sorted().toList(), provider.phone, provider.contactName,
                provider.active, provider.createdBy, provider.createdAt, provider.updatedAt);
    }
}
