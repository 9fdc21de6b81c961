package shouwang.visit.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.visit.Layer;

/**
 * alerts {@code MustVisitRequired}, the fields visit-service reads: one task per listed layer at this level, due at
 * {@code deadline}. Without alert, cadre, deadline or layers, or with a layer lacking its org, it is poison.
 */
public record MustVisitRequired(
        @NotNull UUID alertId,
        @NotNull UUID cadreId,
        @Size(max = 40) String kind,
        int level,
        @NotNull Instant deadline,
        @NotEmpty List<@Valid @NotNull LayerOrg> layers) {

    /** The org responsible for the visit of one layer, its name and who must act for it (first one: the assignee). */
    public record LayerOrg(@NotNull Layer layer, @NotBlank @Size(max = 50) String orgCode,
            @Size(max = 200) String orgName, @Size(max = 50) List<@Valid @NotNull Person> people) {

        public java.util.Optional<Person> assignee() {
            return people == null ? java.util.Optional.empty() : people.stream().findFirst();
        }
    }

    /** Someone who must act: role (LEADER, DUTY_OFFICER, a contact's layer), name, phone. */
    public record Person(@Size(max = 30) String role, @Size(max = 100) String name, @Size(max = 30) String phone) {
    }
}
