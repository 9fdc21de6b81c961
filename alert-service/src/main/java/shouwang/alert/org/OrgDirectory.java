package shouwang.alert.org;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.OrgHierarchy;

/**
 * The org_record read model of registry's org-records: who leads a unit or community, which street a community lies
 * in, who the street office and the district bureau are (a city: each district's), and (for street officers' and
 * district admins' scope) the communities of a street or a district.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrgDirectory implements Orgs, OrgHierarchy {

    private static final Logger LOG = Logger.getLogger(OrgDirectory.class);
    /** Area codes (GB/T 2260, e.g. 421102) and test codes alike; the column holds 64 characters. */
    private static final Pattern DISTRICT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    /** Applies one record; a version not newer than the one held is ignored (redeliveries, replays, reordering). */
    @Transactional
    public void apply(OrgRecordChanged change) {
        String id = OrgRecord.idOf(change.kind(), change.code());
        OrgRecord held = OrgRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (held != null && held.version >= change.version()) {
            LOG.debugf("Org record %s version %d ignored, holding version %d", id, change.version(), held.version);
            return;
        }
        if (held == null) {
            held = new OrgRecord();
            held.id = id;
        }
        held.kind = change.kind();
        held.code = change.code();
        held.name = change.name();
        held.parentCode = change.parentCode();
        held.active = change.active() == null || change.active();
        held.version = change.version();
        held.recordUpdatedAt = change.updatedAt();
        held.people = toJson(change.people() == null ? List.of() : change.people());
        held.receivedAt = clock.now();
        held.persist();
        LOG.infof("Org record %s now at version %d (active %s)", id, held.version, held.active);
    }

    @Override
    public Optional<Org> find(OrgKind kind, String code) {
        if (code == null) {
            return Optional.empty();
        }
        OrgRecord record = OrgRecord.findById(OrgRecord.idOf(kind, code));
        return Optional.ofNullable(record).map(this::org);
    }

    @Override
    public Optional<Org> bureau(String preferredCode) {
        Optional<Org> preferred = find(OrgKind.BUREAU, preferredCode);
        if (preferred.isPresent()) {
            return preferred;
        }
        return OrgRecord.<OrgRecord>find("kind = ?1 and active = true order by code", OrgKind.BUREAU)
                .firstResultOptional().map(this::org);
    }

    /** Active communities whose street is one of these; a street officer's communities in this service's view. */
    @Override
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        if (streetCodes.isEmpty()) {
            return Set.of();
        }
        return OrgRecord.<OrgRecord>list("kind = ?1 and active = true and parentCode in ?2", OrgKind.COMMUNITY,
                streetCodes).stream().map(r -> r.code).collect(Collectors.toUnmodifiableSet());
    }

    /** Active communities of the active streets of these districts. */
    @Override
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        if (districtCodes.isEmpty()) {
            return Set.of();
        }
        Set<String> streets = OrgRecord.<OrgRecord>list("kind = ?1 and active = true and parentCode in ?2",
                OrgKind.STREET, districtCodes).stream().map(r -> r.code).collect(Collectors.toUnmodifiableSet());
        return communitiesOfStreets(streets);
    }

    /**
     * A {@code districtCode} query parameter: null when not given; a code of a district this service holds an active
     * DISTRICT record of; else 400 naming the parameter (a malformed code, or one no district has, e.g. every code in
     * a one-district deployment).
     */
    public String district(String parameter, String raw) {
        String code = QueryParams.text(parameter, raw);
        if (code == null) {
            return null;
        }
        if (!DISTRICT_CODE.matcher(code).matches()) {
            throw InvalidFieldsException.of(parameter, "must be a district code (letters, digits, '-' or '_', at most "
                    + "64 characters)");
        }
        if (find(OrgKind.DISTRICT, code).filter(Org::active).isEmpty()) {
            throw InvalidFieldsException.of(parameter, "is not a district of this deployment");
        }
        return code;
    }

    @Override
    public boolean hasDistricts() {
        return OrgRecord.count("kind", OrgKind.DISTRICT) > 0;
    }

    private Org org(OrgRecord record) {
        try {
            return new Org(record.kind, record.code, record.name, record.parentCode, record.active,
                    List.copyOf(objectMapper.readValue(record.people, PEOPLE)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored people of org " + record.id + " are not JSON", e);
        }
    }

    private String toJson(List<Person> people) {
        try {
            return objectMapper.writeValueAsString(people);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("people are not serialisable", e);
        }
    }
}
