package shouwang.volunteer.roster;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Names a volunteer in a request: an existing {@code volunteerId}, a registered cadre ({@code cadreId}) or another
 * resident ({@code volunteerName} + {@code phone}). The first one given wins.
 */
public record VolunteerRef(
        UUID volunteerId,
        UUID cadreId,
        @Size(max = 100) String volunteerName,
        @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone) {

    // Not a property of the request: without @JsonIgnore the OpenAPI document advertised an "empty" field that the
    // strict reader then refused as unknown, so a client built from the document could not add a member.
    @JsonIgnore
    public boolean isEmpty() {
        return volunteerId == null && cadreId == null && blank(volunteerName) && blank(phone);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
