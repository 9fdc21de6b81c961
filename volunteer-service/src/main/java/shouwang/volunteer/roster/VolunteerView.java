package shouwang.volunteer.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record VolunteerView(UUID id, UUID cadreId, String name, String phone, String communityCode, String account,
        BigDecimal balance, Instant createdAt) {

    public static VolunteerView of(Volunteer volunteer) {
        return new VolunteerView(volunteer.id, volunteer.cadreId, volunteer.name, volunteer.phone,
                volunteer.communityCode, volunteer.account, volunteer.balance, volunteer.createdAt);
    }
}
