package shouwang.volunteer.provider;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.volunteer.request.ServiceType;

/** A service provider (服务商): the service types it offers in the communities it serves. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String phone;
    public String contactName;
    /** Inactive providers are kept (past requests name them) but take no new dispatch. */
    public boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "provider_service_type", joinColumns = @JoinColumn(name = "provider_id"))
    @Column(name = "service_type")
    @Enumerated(EnumType.STRING)
    public Set<ServiceType> serviceTypes = new HashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "provider_community", joinColumns = @JoinColumn(name = "provider_id"))
    @Column(name = "community_code")
    public Set<String> communityCodes = new HashSet<>();
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
}
