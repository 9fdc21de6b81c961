package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.kit.paging.Page;
import shouwang.volunteer.ServiceCategory;

public final class HoursDtos {

    private HoursDtos() {
    }

    /**
     * A service given. {@code volunteerId} may be left out by a volunteer recording their own service;
     * {@code communityCode} and {@code serviceType} default to the post's.
     */
    public record ServiceRecordRequest(
            UUID id,
            UUID volunteerId,
            UUID postId,
            @Size(max = 64) String communityCode,
            ServiceCategory serviceType,
            @NotNull LocalDate servedOn,
            Instant startedAt,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax(value = "24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
            @Min(1) @Max(10000) Integer peopleServed,
            UUID beneficiaryCadreId,
            @Size(max = 2000) String description) {
    }

    public record RejectRequest(@Size(max = 500) String reason) {
    }

    public record ServiceRecordView(UUID id, UUID volunteerId, String volunteerName, UUID postId,
            String communityCode, ServiceCategory serviceType, String serviceTypeLabel, LocalDate servedOn,
            Instant startedAt, BigDecimal hours, int peopleServed, UUID beneficiaryCadreId, String description,
            ServiceRecord.Status status, String recordedBy, Instant recordedAt, String verifiedBy, Instant verifiedAt,
            String rejectReason, Instant updatedAt) {
    }

    public record SpendRequest(
            UUID id,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax(value = "1000") @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @NotNull HourEntry.Beneficiary beneficiary,
            @Size(max = 500) String note) {
    }

    public record DonateRequest(
            UUID id,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax(value = "1000") @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @NotNull UUID recipientCadreId,
            @Size(max = 500) String note) {
    }

    public record EntryView(UUID id, UUID volunteerId, HourEntry.Kind kind, BigDecimal hours, BigDecimal balanceAfter,
            UUID serviceRecordId, UUID counterpartVolunteerId, HourEntry.Beneficiary beneficiary, String note,
            String recordedBy, Instant recordedAt) {
    }

    /** {@code GET /volunteers/{id}/hours}: the balance, the total per kind, and the ledger newest first. */
    public record HoursView(UUID volunteerId, String name, BigDecimal balance, Map<HourEntry.Kind, BigDecimal> totals,
            Page<EntryView> history) {
    }

    /** 人次 (people served), services given, volunteers and hours of verified records. */
    public record Figures(long records, long peopleServed, BigDecimal hours, long volunteers) {
    }

    public record CommunityFigures(Figures total, Map<ServiceCategory, Figures> byServiceType) {
    }

    /** Done service requests of one community, by service type code (MEDICAL_ESCORT …). */
    public record RequestCommunityFigures(Figures total, Map<String, Figures> byType) {
    }

    /** Done service requests (issue 12): each serves one person, with the hours given on completion. */
    public record RequestFigures(Figures total, Map<String, Figures> byType,
            Map<String, RequestCommunityFigures> byCommunity) {
    }

    /** All service (records and done requests) of one district of a city; {@code districtCode} null: in no district. */
    public record DistrictFigures(String districtCode, String districtName, Figures total) {
    }

    /**
     * {@code total}, {@code byServiceType}, {@code byCommunity}: verified service records (those a done request made
     * are counted under {@code requests} instead); {@code requests}: done service requests; {@code allServices}: both;
     * {@code byDistrict}: both, per district of a city (empty when nothing was served).
     */
    public record ServiceStatistics(LocalDate from, LocalDate to, Figures total,
            Map<ServiceCategory, Figures> byServiceType, Map<String, CommunityFigures> byCommunity,
            RequestFigures requests, Figures allServices, java.util.List<DistrictFigures> byDistrict) {
    }
}
