package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.visit.Layer;

/** A campaign over some communities (none listed: the whole district) and a date range. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CampaignType type;
    public String name;
    /** Comma-separated; empty for the whole district. */
    public String communityCodes;
    public LocalDate startOn;
    public LocalDate endOn;
    /** Comma-separated layers that greet (greeting rounds). */
    public String layers;
    public String createdBy;
    public Instant createdAt;
    /** EMERGENCY_DAILY: the day's cut-off (district time); null: its district's visit policy's. */
    public java.time.LocalTime cutOff;
    /**
     * The district whose visit policy gives the campaign's defaults (cut-off, greeting lead and grace days), resolved
     * when used; null: the city default.
     */
    public String districtCode;
    /** Ended early by hand ({@code POST /campaigns/{id}/end}); {@code endOn} then is the day it ended. */
    public Instant endedAt;
    public String endedBy;

    public List<String> communityList() {
        return split(communityCodes);
    }

    public List<Layer> layerList() {
        return split(layers).stream().map(Layer::valueOf).toList();
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
