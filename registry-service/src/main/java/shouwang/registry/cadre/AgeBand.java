package shouwang.registry.cadre;

import java.time.LocalDate;

/** The contract's age bands (calendar age on a date): {@code <60}, {@code 60-69}, {@code 70-79}, {@code 80-89}, {@code 90+}. */
public enum AgeBand {
    UNDER_60("<60", 0, 60), SIXTIES("60-69", 60, 70), SEVENTIES("70-79", 70, 80), EIGHTIES("80-89", 80, 90),
    NINETY_PLUS("90+", 90, null);

    public final String key;
    public final int from;
    /** Exclusive upper age, null for the open band. */
    public final Integer to;

    AgeBand(String key, int from, Integer to) {
        this.key = key;
        this.from = from;
        this.to = to;
    }

    /** The band key as sent in a query; a raw {@code +} arrives as a space, so {@code 90} and {@code 90 } work too. */
    public static AgeBand parse(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        for (AgeBand band : values()) {
            if (band.key.equals(value) || band.name().equalsIgnoreCase(value)) {
                return band;
            }
        }
        return "90".equals(value) ? NINETY_PLUS : null;
    }

    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        int age = java.time.Period.between(birthDate, on).getYears();
        for (int i = values().length - 1; i >= 0; i--) {
            if (age >= values()[i].from) {
                return values()[i];
            }
        }
        return UNDER_60;
    }

    /** Born on or before this date ⇔ at least {@code age} years old on {@code on}. */
    public static LocalDate bornBy(LocalDate on, int age) {
        return on.minusYears(age);
    }
}
