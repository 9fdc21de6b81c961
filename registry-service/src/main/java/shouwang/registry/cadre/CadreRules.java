package shouwang.registry.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.registry.Phones;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.SpecialCategory;
import shouwang.registry.org.OrgDirectory;

/**
 * The checks a clerk expects, all at once (one problem+json listing every bad field), shared by REST and imports.
 * Returns the input normalised: ID number upper-case, gender and birth date filled from it, contacts' org codes
 * defaulted from the cadre's placement. Pure: the org codes and today's date come as arguments.
 */
public final class CadreRules {


    /**
     * The earliest birth date a retired cadre can have: anyone born before 1900 would be over 125 years old, so an
     * earlier date (year 2 BC, 1899 from a mistyped ID number) is a clerk's typo, never a person on the roll.
     */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private CadreRules() {
    }

    /** @param today the district's date, for "not in the future" */
    public static CadreInput validate(CadreInput in, OrgDirectory org, LocalDate today,
            InvalidFieldsException.Collector errors) {
        String name = trim(in.name());
        if (name == null) {
            errors.add("name", "is required");
        } else if (name.length() > 100) {
            errors.add("name", "must be at most 100 characters");
        }
        String idNumber = IdNumbers.normalize(in.idNumber());
        Gender gender = in.gender();
        LocalDate birthDate = in.birthDate();
        if (idNumber == null) {
            errors.add("idNumber", "is required");
        } else {
            String problem = IdNumbers.problem(idNumber);
            if (problem != null) {
                errors.add("idNumber", problem);
            } else {
                LocalDate fromId = IdNumbers.birthDate(idNumber);
                Gender genderFromId = IdNumbers.gender(idNumber);
                if (birthDate == null) {
                    birthDate = fromId;
                } else if (!birthDate.equals(fromId)) {
                    errors.add("birthDate", "does not match the ID card number, which gives " + fromId);
                }
                if (gender == null) {
                    gender = genderFromId;
                } else if (gender != genderFromId) {
                    errors.add("gender", "does not match the ID card number's sex digit, which gives " + genderFromId);
                }
            }
        }
        if (birthDate != null && birthDate.isAfter(today)) {
            errors.add("birthDate", "must not be in the future");
        }
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            // named where the date came from: the body's birthDate, or the ID number it was read from
            errors.add(in.birthDate() != null ? "birthDate" : "idNumber",
                    "birth date " + birthDate + " is before " + EARLIEST_BIRTH_DATE);
        }
        if (gender == null && idNumber == null) {
            errors.add("gender", "is required");
        }
        if (in.retirementType() == null) {
            errors.add("retirementType", "is required");
        }
        if (in.rank() == null) {
            errors.add("rank", "is required");
        }
        if (in.specialCategories() != null && in.specialCategories().contains(null)) {
            errors.add("specialCategories", "must not contain null");
        }
        String unitCode = trim(in.unitCode());
        if (unitCode == null) {
            errors.add("unitCode", "is required");
        } else if (!org.hasUnit(unitCode)) {
            errors.add("unitCode", "unknown unit " + unitCode);
        }
        String communityCode = trim(in.communityCode());
        String gridCode = trim(in.gridCode());
        checkPlacement(communityCode, gridCode, org, errors);
        String phone = phone(in.phone(), "phone", errors);
        String address = trim(in.address());
        if (address != null && address.length() > 300) {
            errors.add("address", "must be at most 300 characters");
        }
        String notes = trim(in.notes());
        if (notes != null && notes.length() > 2000) {
            errors.add("notes", "must be at most 2000 characters");
        }
        List<FamilyContact> family = in.familyContacts() == null ? null : family(in.familyContacts(), errors);
        List<Contact> contacts = in.contacts() == null ? null
                : contacts(in.contacts(), unitCode, communityCode, gridCode, org, errors);
        return new CadreInput(in.id(), name, gender, birthDate, idNumber, in.retirementType(), in.rank(),
                in.partyMember() != null && in.partyMember(), unitCode, communityCode, gridCode,
                in.livingArrangement(), in.selfCare(),
                categories(in.specialCategories()),
                phone, address, notes, family, contacts);
    }

    private static Set<SpecialCategory> categories(Set<SpecialCategory> input) {
        Set<SpecialCategory> categories = EnumSet.noneOf(SpecialCategory.class);
        if (input != null) {
            input.stream().filter(Objects::nonNull).forEach(categories::add);
        }
        return categories;
    }

    /** A community of the district and, when given, one of its grids. */
    public static void checkPlacement(String communityCode, String gridCode, OrgDirectory org,
            InvalidFieldsException.Collector errors) {
        if (communityCode == null) {
            errors.add("communityCode", "is required");
        } else if (!org.hasCommunity(communityCode)) {
            errors.add("communityCode", "unknown community " + communityCode);
        }
        if (gridCode != null) {
            String owner = org.communityOfGrid(gridCode);
            if (owner == null) {
                errors.add("gridCode", "unknown grid " + gridCode);
            } else if (communityCode != null && !owner.equals(communityCode)) {
                errors.add("gridCode", "grid " + gridCode + " belongs to community " + owner + ", not " + communityCode);
            }
        }
    }

    public static List<Contact> contacts(List<Contact> input, String unitCode, String communityCode, String gridCode,
            OrgDirectory org, InvalidFieldsException.Collector errors) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Contact contact = input.get(i);
            String at = "contacts[" + i + "]";
            if (contact == null) {
                errors.add(at, "must not be null");
                continue;
            }
            String name = trim(contact.name());
            if (name == null) {
                errors.add(at + ".name", "is required");
            } else if (name.length() > 100) {
                errors.add(at + ".name", "must be at most 100 characters");
            }
            String phone = phone(contact.phone(), at + ".phone", errors);
            if (phone == null) {
                errors.add(at + ".phone", "is required");
            }
            String orgCode = trim(contact.orgCode());
            if (contact.layer() == null) {
                errors.add(at + ".layer", "is required");
            } else {
                switch (contact.layer()) {
                    case UNIT -> {
                        orgCode = orgCode == null ? unitCode : orgCode;
                        if (orgCode != null && !org.hasUnit(orgCode)) {
                            errors.add(at + ".orgCode", "unknown unit " + orgCode);
                        }
                    }
                    case COMMUNITY -> {
                        orgCode = orgCode == null ? communityCode : orgCode;
                        if (orgCode != null && !org.hasCommunity(orgCode)) {
                            errors.add(at + ".orgCode", "unknown community " + orgCode);
                        }
                    }
                    case GRID -> {
                        orgCode = orgCode == null ? gridCode : orgCode;
                        if (orgCode == null) {
                            errors.add(at + ".orgCode", "is required: the cadre has no grid");
                        } else if (!org.hasGrid(orgCode)) {
                            errors.add(at + ".orgCode", "unknown grid " + orgCode);
                        }
                    }
                    case NEIGHBOUR -> orgCode = orgCode == null ? gridCode : orgCode;
                }
            }
            contacts.add(new Contact(contact.layer(), name, phone, orgCode));
        }
        return contacts;
    }

    private static List<FamilyContact> family(List<FamilyContact> input, InvalidFieldsException.Collector errors) {
        List<FamilyContact> family = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            FamilyContact member = input.get(i);
            String at = "familyContacts[" + i + "]";
            if (member == null) {
                errors.add(at, "must not be null");
                continue;
            }
            String name = trim(member.name());
            if (name == null) {
                errors.add(at + ".name", "is required");
            }
            String relation = trim(member.relation());
            if (relation != null && relation.length() > 50) {
                errors.add(at + ".relation", "must be at most 50 characters");
            }
            family.add(new FamilyContact(name, relation, phone(member.phone(), at + ".phone", errors),
                    member.livesElsewhere() != null && member.livesElsewhere()));
        }
        return family;
    }

    /** A mainland mobile (11 digits) or landline number; spaces and a +86 prefix are dropped. */
    public static String phone(String raw, String field, InvalidFieldsException.Collector errors) {
        return Phones.normalize(raw, field, errors);
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
