package shouwang.visit.policy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.visit.Layer;
import shouwang.visit.Risk;

/**
 * The rule of a policy change, pure: the risks and layers given replace theirs (a layer given as null needs no
 * cadence), the campaign fields given replace theirs, everything else is carried over. A period is ISO-8601 from
 * {@code P1D} to {@code P366D} (months and years count as they fall from a leap year's 1 January, so {@code P1M},
 * {@code P6M} and {@code P1Y} pass); lead and grace days are 0 to 60; the cut-off is {@code HH:mm}. All bad fields are
 * named at once ({@code cadences.OTHERS.GRID}), and then nothing is changed.
 */
public final class PolicyChange {

    static final int LONGEST_DAYS = 366;
    static final int MOST_DAYS = 60;
    /** Where a period is measured: a leap year, so a year is 366 days and passes. */
    private static final LocalDate PROBE = LocalDate.of(2000, 1, 1);
    private static final Pattern CUT_OFF = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    /** Names echoed in a problem are cut here: a name is the caller's text and may be of any length. */
    private static final int NAME_ECHO = 40;

    private PolicyChange() {
    }

    public record Result(Cadences cadences, CampaignDefaults campaigns) {
    }

    /** The policy after the change; throws naming every bad field. */
    public static Result apply(Policy base, Map<String, Map<String, String>> cadenceChanges,
            PolicyDocument.Campaigns campaignChanges) {
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        if (cadenceChanges == null && campaignChanges == null) {
            problems.add("cadences", "give cadences or campaigns (or both) to change");
        }
        Map<Risk, Map<Layer, Period>> byRisk = new EnumMap<>(Risk.class);
        base.cadences().byRisk().forEach((risk, layers) -> {
            Map<Layer, Period> copy = new EnumMap<>(Layer.class);
            copy.putAll(layers);
            byRisk.put(risk, copy);
        });
        if (cadenceChanges != null) {
            cadenceChanges.forEach((riskName, layers) -> {
                String field = "cadences." + echo(riskName);
                Risk risk = valueOf(Risk.class, riskName);
                if (risk == null) {
                    problems.add(field, "is not a risk profile (KEY_TARGET, AGED_80 or OTHERS)");
                } else if (layers == null) {
                    problems.add(field, "must name its layers (UNIT, COMMUNITY, GRID); a layer given as null needs no "
                            + "cadence");
                } else {
                    layers.forEach((layerName, text) -> {
                        String layerField = field + "." + echo(layerName);
                        Layer layer = valueOf(Layer.class, layerName);
                        if (layer == null || !Cadences.LAYERS.contains(layer)) {
                            problems.add(layerField, "is not a layer with a cadence (UNIT, COMMUNITY or GRID)");
                        } else if (text == null) {
                            byRisk.get(risk).remove(layer);
                        } else {
                            Period period = period(problems, layerField, text);
                            if (period != null) {
                                byRisk.get(risk).put(layer, period);
                            }
                        }
                    });
                }
            });
        }
        CampaignDefaults campaigns = base.campaigns();
        if (campaignChanges != null) {
            int lead = days(problems, "campaigns.greetingLeadDays", campaignChanges.greetingLeadDays(),
                    campaigns.greetingLeadDays());
            int grace = days(problems, "campaigns.greetingGraceDays", campaignChanges.greetingGraceDays(),
                    campaigns.greetingGraceDays());
            LocalTime cutOff = campaigns.emergencyCutOff();
            String text = campaignChanges.emergencyCutOff();
            if (text != null) {
                if (CUT_OFF.matcher(text).matches()) {
                    cutOff = LocalTime.parse(text);
                } else {
                    problems.add("campaigns.emergencyCutOff", "must be a district time HH:mm such as 18:00");
                }
            }
            campaigns = new CampaignDefaults(lead, grace, cutOff);
        }
        problems.throwIfAny();
        return new Result(new Cadences(byRisk), campaigns);
    }

    /** Whether a stored or configured period is one a change may set (the bounds above). */
    static boolean withinBounds(Period period) {
        if (period.isNegative() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
            return false;
        }
        long days;
        try {
            days = ChronoUnit.DAYS.between(PROBE, PROBE.plus(period));
        } catch (java.time.DateTimeException | ArithmeticException tooLong) {
            return false;
        }
        return days >= 1 && days <= LONGEST_DAYS;
    }

    private static Period period(InvalidFieldsException.Collector problems, String field, String text) {
        try {
            Period period = Period.parse(text.trim());
            if (withinBounds(period)) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // reported below with the bounds
        }
        problems.add(field, "must be an ISO-8601 period from P1D to P366D, such as P7D or P1M");
        return null;
    }

    private static int days(InvalidFieldsException.Collector problems, String field, Integer given, int current) {
        if (given == null) {
            return current;
        }
        if (given < 0 || given > MOST_DAYS) {
            problems.add(field, "must be from 0 to " + MOST_DAYS + " days");
            return current;
        }
        return given;
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String echo(String name) {
        String text = String.valueOf(name);
        return text.length() > NAME_ECHO ? text.substring(0, NAME_ECHO) + "…" : text;
    }
}
