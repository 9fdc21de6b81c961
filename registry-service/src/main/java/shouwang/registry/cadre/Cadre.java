package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** A retired cadre (离退休干部). The plain ID card number is never stored: see {@link IdNumberProtector}. */
@Entity
@Table(name = "cadre")
public class Cadre extends PanacheEntityBase {

    /** The layers every key service target must have a contact for. */
    public static final List<ContactLayer> REQUIRED_LAYERS = List.of(ContactLayer.UNIT, ContactLayer.COMMUNITY,
            ContactLayer.GRID);

    @Id
    public UUID id;
    /** The profile version of the cadre-profiles events: +1 per change. */
    public long version;
    public String name;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    public LocalDate birthDate;
    public String idNumberCipher;
    public String idNumberIndex;
    public String idNumberMasked;
    @Enumerated(EnumType.STRING)
    public RetirementType retirementType;
    @Enumerated(EnumType.STRING)
    @Column(name = "cadre_rank")
    public Rank rank;
    public boolean partyMember;
    /** Community, grid and original unit: what scope checks and org filters look at. */
    @Embedded
    public Placement placement = new Placement();
    @Enumerated(EnumType.STRING)
    public LivingArrangement livingArrangement;
    @Enumerated(EnumType.STRING)
    public SelfCare selfCare;
    @Convert(converter = JsonColumns.SpecialCategories.class)
    public Set<SpecialCategory> specialCategories = EnumSet.noneOf(SpecialCategory.class);
    /** Key target for a reason other than age (kept in the row so worklists can query it). */
    public boolean keyTargetByProfile;
    public String phone;
    public String address;
    public String notes;
    @Convert(converter = JsonColumns.FamilyContacts.class)
    public List<FamilyContact> familyContacts = List.of();
    @Convert(converter = JsonColumns.Contacts.class)
    public List<Contact> contacts = List.of();
    /** {@code ,UNIT,GRID,}: the layers that have a contact, for the missing-contacts worklist. */
    public String contactLayers = "";
    /** The party branch (党支部) of a party member, else null. */
    @Column(name = "party_branch_code")
    public String partyBranchCode;
    /** The household (两老同住) shared with other cadres, else null; its other members, kept in step. */
    public UUID householdId;
    @Convert(converter = JsonColumns.Ids.class)
    public List<UUID> householdMemberIds = List.of();
    @Enumerated(EnumType.STRING)
    public CadreStatus status;
    public LocalDate deceasedOn;
    public LocalDate movedAwayOn;
    public Instant createdAt;
    public Instant updatedAt;

    /** 重点服务对象: a special group (孤寡, 特困, 残疾, 重病), living alone, self-care PARTIAL/NONE, or 90+ on the day. */
    public boolean isKeyServiceTarget(LocalDate on) {
        return keyTargetByProfile || (birthDate != null && !birthDate.isAfter(on.minusYears(90)));
    }

    public List<ContactLayer> missingContactLayers() {
        return REQUIRED_LAYERS.stream().filter(layer -> !contactLayers.contains("," + layer.name() + ",")).toList();
    }

    /** Recomputes the columns derived from the profile; call after every change. */
    public void refreshDerived() {
        keyTargetByProfile = specialCategories.stream().anyMatch(SpecialCategory::makesKeyTarget)
                || livingArrangement == LivingArrangement.ALONE
                || selfCare == SelfCare.PARTIAL || selfCare == SelfCare.NONE;
        StringBuilder layers = new StringBuilder(",");
        for (ContactLayer layer : ContactLayer.values()) {
            if (contacts.stream().anyMatch(contact -> contact.layer() == layer)) {
                layers.append(layer.name()).append(',');
            }
        }
        contactLayers = layers.length() == 1 ? "" : layers.toString();
    }

    public static Cadre lockById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
