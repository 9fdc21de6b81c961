package shouwang.registry;

import java.util.regex.Pattern;

import shouwang.kit.problem.InvalidFieldsException;

/** Phone numbers as the district writes them: an 11-digit mobile or a landline; spaces and +86 dropped. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");

    private Phones() {
    }

    /** The normalised number, null when blank; a malformed one is an error of {@code field} (and returned as is). */
    public static String normalize(String raw, String field, InvalidFieldsException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = raw.strip().replace(" ", "");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            errors.add(field, "is not a phone number (11-digit mobile or landline such as 010-12345678)");
        }
        return phone;
    }
}
