package shouwang.volunteer.roster;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Names a volunteer in a request: an existing {@code volunteerId}, a registered cadre ({@code cadreId}) or another
 * resident ({@code volunteerName} + {@code phone}). The first one given wins.
 */
public record VolunteerRef(
        UUID volunteerId,
        UUID cadreId,
        @Size(max = 100) String volunteerName,
        @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone) {

    public boolean isEmpty() {
        return volunteerId == null && cadreId == null && blank(volunteerName) && blank(phone);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
