package shouwang.alert.signal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 八个必访 plus help requests (爱心伞/服务热线) and the platform's own routine-visit lapses. */
public enum SignalKind {
    HOSPITALISATION("生病住院", "HospitalisationReported"),
    HARDSHIP("生活困难", "HardshipReported"),
    FAMILY_ACCIDENT("家庭意外", "FamilyAccidentReported"),
    FAMILY_CONFLICT("家庭矛盾", "FamilyConflictReported"),
    NEIGHBOUR_DISPUTE("邻里矛盾", "NeighbourDisputeReported"),
    HOUSE_MOVE("乔迁", "HouseMoveReported"),
    WORRY("思想顾虑", "WorryReported"),
    BENEFITS_NOT_HONOURED("原单位待遇不落实", "BenefitsNotHonouredReported"),
    HELP_REQUEST("爱心伞/服务热线求助", "HelpRequested"),
    ROUTINE_VISIT_MISSED("常规走访逾期", null),
    /** A cadre not reached in an emergency check-in round (战时联系), raised by the platform only. */
    EMERGENCY_UNREACHED("战时未联系", null);

    private final String label;
    private final String eventName;

    SignalKind(String label, String eventName) {
        this.label = label;
        this.eventName = eventName;
    }

    public String label() {
        return label;
    }

    /** The care-signals event announcing this kind; none for the platform's own kinds. */
    public String eventName() {
        return eventName;
    }

    /** Kinds a person or partner may report; routine lapses and emergency misses are raised by the platform only. */
    public boolean reportable() {
        return eventName != null;
    }

    /** The names of the care-signals event types, one per reportable kind. */
    public static List<String> eventNames() {
        return Arrays.stream(values()).filter(SignalKind::reportable).map(SignalKind::eventName).toList();
    }

    public static Optional<SignalKind> ofEventName(String eventName) {
        return Arrays.stream(values()).filter(k -> k.eventName != null && k.eventName.equals(eventName)).findFirst();
    }
}
