package shouwang.kit.testing;

import java.util.regex.Pattern;

/**
 * What a log line must never hold (docs/security.md): a GB 11643 ID card number or a mainland mobile number, standing
 * alone. "Alone" matters: an epoch in milliseconds holds eleven digits that look like a phone, the last group of a
 * UUID can be eleven digits and a letter, a random temp-file number can be eighteen digits; none of these is personal
 * data, and a check that flags them fails at random.
 */
public final class PersonalDataPatterns {

    /** Six-digit area, birth date 18xx–20xx, three-digit sequence, check digit; masked numbers do not match. */
    public static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{5}(18|19|20)[0-9]{2}"
            + "(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])");

    /** 1[3-9] and nine digits, not part of a longer number or a hexadecimal word. */
    public static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

    private PersonalDataPatterns() {
    }

    /** True when the text holds an ID number or a mobile number. */
    public static boolean holdsPersonalNumber(String text) {
        return ID_NUMBER.matcher(text).find() || MOBILE.matcher(text).find();
    }
}
