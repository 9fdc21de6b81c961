package shouwang.volunteer.request;

import java.util.Arrays;

/**
 * What a cadre asks for in a service request (点单); alert-service's HELP_REQUEST signals carry the same codes. Not
 * {@link shouwang.volunteer.ServiceCategory}, which are the categories of volunteer posts.
 */
public enum ServiceType {
    MEDICAL_ESCORT("就医陪护"),
    HOUSEKEEPING("家政"),
    MEAL_DELIVERY("助餐"),
    REPAIR("维修"),
    SHOPPING("代购"),
    HAIRCUT("理发"),
    BATHING("助浴"),
    COMPANIONSHIP("陪伴"),
    LEGAL("法律"),
    OTHER("其他");

    private final String label;

    ServiceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A code as another service sends it; null, blank or one this version does not know is OTHER. */
    public static ServiceType codeOf(String code) {
        if (code == null) {
            return OTHER;
        }
        return Arrays.stream(values()).filter(type -> type.name().equals(code.trim())).findFirst().orElse(OTHER);
    }
}
