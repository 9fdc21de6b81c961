package shouwang.alert.signal;

import shouwang.kit.events.EventSchema;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The care-signals event types, one per reportable kind, each carrying a {@link SignalReport} as its data (the
 * record's name is the event name). {@link SignalKind#eventName()} names the same types for the consumer.
 */
final class CareSignalEvents {

    private CareSignalEvents() {
    }

    /** Every kind's event carries the same data: one schema of the partner contract for all of them. */
    @EventSchema("care-signal.json")
    interface Announced {
    }

    record HospitalisationReported(@JsonValue SignalReport report) implements Announced {
    }

    record HardshipReported(@JsonValue SignalReport report) implements Announced {
    }

    record FamilyAccidentReported(@JsonValue SignalReport report) implements Announced {
    }

    record FamilyConflictReported(@JsonValue SignalReport report) implements Announced {
    }

    record NeighbourDisputeReported(@JsonValue SignalReport report) implements Announced {
    }

    record HouseMoveReported(@JsonValue SignalReport report) implements Announced {
    }

    record WorryReported(@JsonValue SignalReport report) implements Announced {
    }

    record BenefitsNotHonouredReported(@JsonValue SignalReport report) implements Announced {
    }

    record HelpRequested(@JsonValue SignalReport report) implements Announced {
    }

    /** The event announcing a signal of this kind; routine lapses are never announced. */
    static Object of(SignalReport report) {
        return switch (report.kind()) {
            case HOSPITALISATION -> new HospitalisationReported(report);
            case HARDSHIP -> new HardshipReported(report);
            case FAMILY_ACCIDENT -> new FamilyAccidentReported(report);
            case FAMILY_CONFLICT -> new FamilyConflictReported(report);
            case NEIGHBOUR_DISPUTE -> new NeighbourDisputeReported(report);
            case HOUSE_MOVE -> new HouseMoveReported(report);
            case WORRY -> new WorryReported(report);
            case BENEFITS_NOT_HONOURED -> new BenefitsNotHonouredReported(report);
            case HELP_REQUEST -> new HelpRequested(report);
            case ROUTINE_VISIT_MISSED, EMERGENCY_UNREACHED ->
                throw new IllegalArgumentException("the platform's own kinds are not care-signals events");
        };
    }
}
