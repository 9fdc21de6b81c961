package shouwang.registry.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SpecialCategory;
import shouwang.registry.org.OrgDirectory;

/** The rules of a cadre body, without Quarkus: a directory of org codes and a fixed "today". */
class CadreRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final OrgDirectory ORG = new OrgDirectory(Map.of("DW", "区财政局"),
            Map.of("SQ1", "幸福里社区", "SQ2", "和平社区"), Map.of("SQ1-WG1", "SQ1", "SQ2-WG1", "SQ2"),
            Map.of("SQ1", new OrgDirectory.StreetOf("JD001", "东城街道", null), "SQ2",
                    new OrgDirectory.StreetOf("JD002", "西城街道", null)));

    /** A GB 11643-valid number; an odd sequence is a man. */
    private static String idNumber(LocalDate birthDate, int sequence) {
        String first17 = "110101" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static CadreInput body(String idNumber, Gender gender, LocalDate birthDate, String phone, String unit,
            String community, String grid, List<Contact> contacts) {
        return new CadreInput(null, " 王建国 ", gender, birthDate, idNumber, RetirementType.LIXIU, Rank.COUNTY_CHIEF,
                null, unit, community, grid, null, null, EnumSet.of(SpecialCategory.DISABLED), phone, null, null, null,
                contacts);
    }

    /** field → message of every violation, in order. */
    private static Map<String, String> violations(CadreInput input) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        CadreRules.validate(input, ORG, TODAY, errors);
        Map<String, String> found = new LinkedHashMap<>();
        assertThrows(InvalidFieldsException.class, errors::throwIfAny).violations()
                .forEach(violation -> found.putIfAbsent(violation.field(), violation.message()));
        return found;
    }

    private static CadreInput valid(CadreInput input) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        CadreInput valid = CadreRules.validate(input, ORG, TODAY, errors);
        errors.throwIfAny();
        return valid;
    }

    @Test
    void theCheckCharacterIsTheGb11643OneIncludingX() {
        assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
        assertEquals('4', IdNumbers.checkCharacter("44052418800101001"));
        assertNull(IdNumbers.problem("11010519491231002X"));
        assertEquals("check digit does not match (GB 11643)", IdNumbers.problem("110105194912310021"));
    }

    @Test
    void anIdNumberNeedsEighteenCharactersAndARealBirthDate() {
        assertEquals("must be 18 characters: 17 digits and a check digit (0-9 or X)", IdNumbers.problem("1101051949"));
        assertEquals("must be 18 characters: 17 digits and a check digit (0-9 or X)",
                IdNumbers.problem("11010519491231002Y"));
        assertEquals("birth date part 19490230 is not a date", IdNumbers.problem("110105194902300021"));
    }

    @Test
    void genderAndBirthDateAreReadFromTheNumberWhenLeftOutAndTheNumberIsUpperCased() {
        CadreInput valid = valid(body("11010519491231002x", null, null, null, "DW", "SQ1", null, null));

        assertEquals("11010519491231002X", valid.idNumber());
        assertEquals(LocalDate.of(1949, 12, 31), valid.birthDate());
        assertEquals(Gender.FEMALE, valid.gender(), "the 17th digit, 2, is even");
        assertEquals("王建国", valid.name());
        assertEquals(false, valid.partyMember());
        assertEquals(Set.of(SpecialCategory.DISABLED), valid.specialCategories());
    }

    @Test
    void birthDateAndSexMustAgreeWithTheNumber() {
        LocalDate born = LocalDate.of(1940, 5, 6);
        String man = idNumber(born, 11);

        Map<String, String> found = violations(body(man, Gender.FEMALE, born.plusDays(1), null, "DW", "SQ1", null,
                null));

        assertEquals(Map.of("birthDate", "does not match the ID card number, which gives 1940-05-06",
                "gender", "does not match the ID card number's sex digit, which gives MALE"), found);
    }

    @Test
    void aBirthDateInTheDistrictsFutureIsRefused() {
        LocalDate tomorrow = TODAY.plusDays(1);

        assertEquals(Map.of("birthDate", "must not be in the future"),
                violations(body(idNumber(tomorrow, 1), null, null, null, "DW", "SQ1", null, null)));
        valid(body(idNumber(TODAY, 1), null, null, null, "DW", "SQ1", null, null));
    }

    @Test
    void phonesAreMobilesOrLandlinesWithSpacesAndPlus86Dropped() {
        String number = idNumber(LocalDate.of(1940, 1, 1), 1);

        assertEquals("13800000000", valid(body(number, null, null, "+86 138 0000 0000", "DW", "SQ1", null, null)).phone());
        assertEquals("010-12345678", valid(body(number, null, null, "010-12345678", "DW", "SQ1", null, null)).phone());
        assertEquals("12345678", valid(body(number, null, null, "12345678", "DW", "SQ1", null, null)).phone());
        for (String bad : List.of("12345", "12800000000", "abc", "138000000001")) {
            assertEquals(Map.of("phone", "is not a phone number (11-digit mobile or landline such as 010-12345678)"),
                    violations(body(number, null, null, bad, "DW", "SQ1", null, null)), bad);
        }
    }

    @Test
    void everyMissingOrUnknownFieldIsReportedAtOnce() {
        CadreInput empty = new CadreInput(null, " ", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertEquals(List.of("name", "idNumber", "gender", "retirementType", "rank", "unitCode", "communityCode"),
                List.copyOf(violations(empty).keySet()));

        Map<String, String> unknown = violations(body(idNumber(LocalDate.of(1940, 1, 1), 1), null, null, null, "NO-DW",
                "SQ1", "SQ2-WG1", null));
        assertEquals(Map.of("unitCode", "unknown unit NO-DW", "gridCode", "grid SQ2-WG1 belongs to community SQ2, not SQ1"),
                unknown);
    }

    @Test
    void contactsTakeTheirOrgCodeFromThePlacementAndAreNamedByPosition() {
        String number = idNumber(LocalDate.of(1940, 1, 1), 1);
        List<Contact> contacts = List.of(new Contact(ContactLayer.UNIT, "李红", "13900000001", null),
                new Contact(ContactLayer.COMMUNITY, "赵敏", "13900000002", null),
                new Contact(ContactLayer.GRID, "孙强", "13900000003", null),
                new Contact(ContactLayer.NEIGHBOUR, "老张", "13900000004", null));

        assertEquals(List.of("DW", "SQ1", "SQ1-WG1", "SQ1-WG1"),
                valid(body(number, null, null, null, "DW", "SQ1", "SQ1-WG1", contacts)).contacts().stream()
                        .map(Contact::orgCode).toList());

        Map<String, String> found = violations(body(number, null, null, null, "DW", "SQ1", null,
                List.of(new Contact(ContactLayer.GRID, "", "1", null), new Contact(null, "x", "13900000001", null))));
        assertEquals(Map.of("contacts[0].name", "is required",
                "contacts[0].phone", "is not a phone number (11-digit mobile or landline such as 010-12345678)",
                "contacts[0].orgCode", "is required: the cadre has no grid",
                "contacts[1].layer", "is required"), found);
    }

    @Test
    void aBirthDateBeforeNineteenHundredIsRefusedWhereItCameFrom() {
        LocalDate tooEarly = LocalDate.of(1899, 12, 31);
        String number = idNumber(tooEarly, 1);
        assertEquals(Map.of("birthDate", "birth date 1899-12-31 is before 1900-01-01"),
                violations(body(number, null, tooEarly, null, "DW", "SQ1", null, null)));
        assertEquals(Map.of("idNumber", "birth date 1899-12-31 is before 1900-01-01"),
                violations(body(number, null, null, null, "DW", "SQ1", null, null)));
        // year 2 BC (ISO year -1) or year 1 cannot come from an ID number, only from a body
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        CadreRules.validate(body(idNumber(TODAY.minusYears(80), 1), null, LocalDate.of(-1, 6, 1), null, "DW", "SQ1",
                null, null), ORG, TODAY, errors);
        assertEquals(true, assertThrows(InvalidFieldsException.class, errors::throwIfAny).violations().stream()
                .anyMatch(v -> v.field().equals("birthDate") && v.message().equals(
                        "birth date -0001-06-01 is before 1900-01-01")));
    }

    @Test
    void theFirstDayOfNineteenHundredIsAcceptedAsABirthDate() {
        LocalDate first = CadreRules.EARLIEST_BIRTH_DATE;
        assertEquals(first, valid(body(idNumber(first, 1), null, first, null, "DW", "SQ1", null, null)).birthDate());
    }
}
