package shouwang.registry.cadre;

import java.time.DateTimeException;
import java.time.LocalDate;

import shouwang.registry.cadre.Codes.Gender;

/** Resident ID card numbers (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {
    }

    public static String normalize(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase();
    }

    /** Null when the number is well formed, else what a clerk should fix. */
    public static String problem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return "must be 18 characters: 17 digits and a check digit (0-9 or X)";
        }
        if (birthDate(id) == null) {
            return "birth date part " + id.substring(6, 14) + " is not a date";
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return "check digit does not match (GB 11643)";
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The 17th character: odd for men, even for women. */
    public static Gender gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** {@code 110101********123X}: area code and the last four only. */
    public static String mask(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }
}
