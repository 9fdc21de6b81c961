package shouwang.registry.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.Caller;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreMapper;
import shouwang.registry.cadre.CadreRepository;
import shouwang.registry.cadre.CadreRules;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Contact;
import shouwang.registry.cadre.ContactsAssigned;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.cadre.IdNumbers;
import shouwang.registry.cadre.Labels;
import shouwang.registry.cadre.ProfileEvents;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.history.FieldChange;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;

/**
 * {@code POST /imports/contacts}: responsible contacts (包保联系人), one row per (cadre ID number, layer). A row replaces
 * that layer's contact of the cadre (the cadre then has exactly that contact for the layer); the other layers stay.
 * A chunk's rows are applied in one transaction, with one history line and one ContactsAssigned per cadre whose
 * contacts changed (a cadre's rows listed together are never split between chunks, so they make one event).
 */
@ApplicationScoped
public class ContactImport implements RowImport {

    private static final Headers.Names NAMES = new Headers.Names()
            .field("idNumber", "身份证号", "身份证号码", "公民身份号码")
            .field("layer", "层级", "包保层级")
            .field("name", "姓名", "联系人姓名", "包保人姓名")
            .field("phone", "联系电话", "电话", "手机")
            .field("orgCode", "机构编码", "单位编码");

    @Inject
    EntityManager entityManager;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    CadreRepository cadres;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    OrgService org;

    @Inject
    Clock clock;

    @Override
    public String kind() {
        return "CONTACTS";
    }

    @Override
    public Rows begin(Spreadsheet.Line header, UUID jobId, Caller caller, List<RowError> missing) {
        Headers headers = Headers.of(header, NAMES, List.of("idNumber", "layer", "name", "phone"), missing);
        if (headers == null) {
            return null;
        }
        OrgDirectory directory = QuarkusTransaction.requiringNew().call(() -> org.directory());
        return new Rows() {
            @Override
            public Result apply(List<Spreadsheet.Line> chunk) {
                return RowImport.inOneTransaction(chunk,
                        lines -> write(lines, headers, directory, caller, "import:" + jobId));
            }

            /** A cadre's rows listed together stay in one chunk: one ContactsAssigned per cadre. */
            @Override
            public Object group(Spreadsheet.Line line) {
                String number = IdNumbers.normalize(headers.value(line.cells(), "idNumber"));
                return number != null ? number : line.number();
            }
        };
    }

    /** The layer from its code or label; 邻里 (short for 邻里守望) too. */
    static ContactLayer layer(String raw) {
        return "邻里".equals(raw) ? ContactLayer.NEIGHBOUR : Labels.parse(ContactLayer.class, raw);
    }

    private Result write(List<Spreadsheet.Line> lines, Headers headers, OrgDirectory directory, Caller caller,
            String source) {
        // by identity: a record's hash would hash every cell of the line
        Map<Spreadsheet.Line, List<String>> indexes = new IdentityHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (Spreadsheet.Line line : lines) {
            String number = IdNumbers.normalize(headers.value(line.cells(), "idNumber"));
            String problem = number == null ? "is required" : IdNumbers.problem(number);
            if (problem != null) {
                errors.add(new RowError(line.number(), "idNumber", problem));
            } else {
                indexes.put(line, idNumbers.blindIndexes(number)); // every key version's: see ImportChunks
            }
        }
        Map<String, Cadre> byIndex = new HashMap<>();
        if (!indexes.isEmpty()) {
            cadres.byIdNumberIndexes(indexes.values().stream().flatMap(List::stream).toList())
                    .forEach(cadre -> byIndex.put(cadre.idNumberIndex, cadre));
        }
        Map<Cadre, Map<String, Object>> touched = new LinkedHashMap<>();
        int accepted = 0;
        for (Spreadsheet.Line line : lines) {
            List<String> candidates = indexes.get(line);
            if (candidates == null) {
                continue;
            }
            Cadre cadre = candidates.stream().map(byIndex::get).filter(Objects::nonNull).findFirst().orElse(null);
            List<RowError> problems = new ArrayList<>();
            if (cadre == null) {
                problems.add(new RowError(line.number(), "idNumber", "no registered cadre has this ID number"));
            } else if (!caller.scope().covers(cadre.placement)) {
                problems.add(new RowError(line.number(), "idNumber", "the cadre is outside your scope"));
            }
            Contact contact = problems.isEmpty() ? contact(line, headers, cadre, directory, problems) : null;
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            accepted++;
            touched.computeIfAbsent(cadre, CadreMapper::auditFields);
            List<Contact> contacts = new ArrayList<>(cadre.contacts.stream()
                    .filter(existing -> existing.layer() != contact.layer()).toList());
            contacts.add(contact);
            cadre.contacts = List.copyOf(contacts);
            cadre.refreshDerived();
        }
        Instant now = clock.now();
        LocalDate today = clock.dateOf(now);
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        touched.forEach((cadre, before) -> {
            Map<String, FieldChange> diff = CadreMapper.diff(before, CadreMapper.auditFields(cadre));
            if (!diff.isEmpty()) {
                cadre.version++;
                cadre.updatedAt = now;
                changes.add(new AuditTrail.Change(cadre.id, cadre.version, AuditTrail.CONTACTS_ASSIGNED, diff));
                events.add(ProfileEvents.event(cadre, ContactsAssigned::new, directory, today));
            }
        });
        entityManager.flush();
        audit.changedAll(changes, caller.username(), source, now);
        outbox.publishAll(events);
        // the ID number pass came first: the errors in row order, as a spreadsheet user reads them
        errors.sort(Comparator.comparingInt(RowError::row));
        return new Result(accepted, lines.size() - accepted, errors);
    }

    /** The row's contact, checked by the cadre rules (an org code defaults to the cadre's unit, community, grid). */
    private static Contact contact(Spreadsheet.Line line, Headers headers, Cadre cadre, OrgDirectory directory,
            List<RowError> problems) {
        List<String> cells = line.cells();
        String rawLayer = headers.value(cells, "layer");
        ContactLayer layer = rawLayer == null ? null : layer(rawLayer);
        if (rawLayer != null && layer == null) {
            problems.add(new RowError(line.number(), "layer",
                    "'" + rawLayer + "' " + Labels.choices(ContactLayer.class) + " (邻里 for NEIGHBOUR)"));
            return null;
        }
        InvalidFieldsException.Collector collector = new InvalidFieldsException.Collector();
        List<Contact> checked = CadreRules.contacts(List.of(new Contact(layer, headers.value(cells, "name"),
                headers.value(cells, "phone"), headers.value(cells, "orgCode"))), cadre.placement.unitCode,
                cadre.placement.communityCode, cadre.placement.gridCode, directory, collector);
        try {
            collector.throwIfAny();
        } catch (InvalidFieldsException e) {
            // contacts[0].phone is the row's phone column
            e.violations().forEach(violation -> problems.add(new RowError(line.number(),
                    violation.field().replace("contacts[0].", ""), violation.message())));
            return null;
        }
        return checked.get(0);
    }
}
