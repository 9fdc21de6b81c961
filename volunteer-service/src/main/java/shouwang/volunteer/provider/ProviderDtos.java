package shouwang.volunteer.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import shouwang.volunteer.request.ServiceType;

/** REST bodies of the provider capability. */
public final class ProviderDtos {

    private ProviderDtos() {
    }

    public record ProviderForm(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 10) List<@NotNull ServiceType> serviceTypes,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> communityCodes,
            @NotBlank @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
            @Size(max = 100) String contactName) {
    }

    public record ProviderView(UUID id, String name, List<ServiceType> serviceTypes, List<String> serviceTypeLabels,
            List<String> communityCodes, String phone, String contactName, boolean active, String createdBy,
            Instant createdAt, Instant updatedAt) {
    }
}
