package shouwang.registry.cadre;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import shouwang.kit.jdbc.CopyRows;

/** The cadre queries that are more than a filtered list: lookups by blind index, and read-only loading. */
@ApplicationScoped
public class CadreRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Runs a query whose cadres are only read: they are never dirty-checked at commit (a roster loads 18,000 of them,
     * with JSON-converted columns; checking them cost seconds).
     */
    public <T> T readOnly(Supplier<T> query) {
        Session session = entityManager.unwrap(Session.class);
        boolean before = session.isDefaultReadOnly();
        session.setDefaultReadOnly(true);
        try {
            return query.get();
        } finally {
            session.setDefaultReadOnly(before);
        }
    }

    /** The cadre with one of these blind indexes (one number's, under every configured key version). */
    public Cadre byIdNumberIndex(List<String> indexes) {
        return Cadre.find("idNumberIndex in ?1", indexes).firstResult();
    }

    /** The blind index of every registered cadre (100,000 are ~7 MB). */
    public Set<String> allIdNumberIndexes() {
        return new HashSet<>(entityManager.createQuery("select idNumberIndex from Cadre", String.class).getResultList());
    }

    /** The registered cadres among these blind indexes (an import chunk's, up to a thousand). */
    public List<Cadre> byIdNumberIndexes(Collection<String> indexes) {
        // planner statistics lag behind a table that grows by thousands of rows a second: without this, the
        // lookup became a sequential scan comparing every row with a thousand parameters
        entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        return entityManager.createQuery("from Cadre where idNumberIndex in :indexes", Cadre.class)
                .setParameter("indexes", indexes).getResultList();
    }

    /** Every column of the cadre table, in the order {@link #insertAll} writes them. */
    public static final List<String> COLUMNS = List.of("id", "version", "name", "gender", "birth_date",
            "id_number_cipher", "id_number_index", "id_number_masked", "retirement_type", "cadre_rank", "party_member",
            "unit_code", "community_code", "grid_code", "living_arrangement", "self_care", "special_categories",
            "key_target_by_profile", "phone", "address", "notes", "family_contacts", "contacts", "contact_layers",
            "party_branch_code", "household_id", "household_member_ids", "status", "deceased_on", "moved_away_on",
            "created_at", "updated_at");

    private static final JsonColumns.SpecialCategories SPECIAL_CATEGORIES = new JsonColumns.SpecialCategories();
    private static final JsonColumns.FamilyContacts FAMILY_CONTACTS = new JsonColumns.FamilyContacts();
    private static final JsonColumns.Contacts CONTACTS = new JsonColumns.Contacts();
    private static final JsonColumns.Ids IDS = new JsonColumns.Ids();

    /**
     * New cadres by one COPY (an import chunk's thousands), not as managed entities: Hibernate's batched inserts bind
     * 32 parameters a row and keep every entity for the dirty check at commit. The cadres stay unmanaged.
     */
    public void insertAll(List<Cadre> created) {
        if (created.isEmpty()) {
            return;
        }
        CopyRows rows = CopyRows.into("cadre", COLUMNS.toArray(String[]::new));
        for (Cadre c : created) {
            rows.row(c.id, c.version, c.name, nameOf(c.gender), c.birthDate, c.idNumberCipher, c.idNumberIndex,
                    c.idNumberMasked, nameOf(c.retirementType), nameOf(c.rank), c.partyMember,
                    c.placement.unitCode, c.placement.communityCode, c.placement.gridCode,
                    nameOf(c.livingArrangement), nameOf(c.selfCare),
                    SPECIAL_CATEGORIES.convertToDatabaseColumn(c.specialCategories), c.keyTargetByProfile, c.phone,
                    c.address, c.notes, FAMILY_CONTACTS.convertToDatabaseColumn(c.familyContacts),
                    CONTACTS.convertToDatabaseColumn(c.contacts), c.contactLayers, c.partyBranchCode, c.householdId,
                    IDS.convertToDatabaseColumn(c.householdMemberIds), nameOf(c.status), c.deceasedOn,
                    c.movedAwayOn, c.createdAt, c.updatedAt);
        }
        entityManager.unwrap(Session.class).doWork(rows::writeTo);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The members of a household, locked for the change (in id order, like every lock of several cadres). */
    public List<Cadre> household(UUID householdId) {
        if (householdId == null) {
            return List.of();
        }
        return entityManager.createQuery("from Cadre where householdId = :household order by id", Cadre.class)
                .setParameter("household", householdId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The members of a party branch, in name order, for a page of them (read only). */
    public List<Cadre> inBranch(String branchCode) {
        return entityManager.createQuery("from Cadre where partyBranchCode = :branch order by name, id", Cadre.class)
                .setParameter("branch", branchCode).getResultList();
    }
}
