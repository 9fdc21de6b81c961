package shouwang.alert.signal;

import java.util.Arrays;

/**
 * The services a help request may ask for (contract: service type). volunteer-service owns the orders; alert-service
 * only carries the code from the request to the alert, so volunteer-service can open the right order.
 */
public enum ServiceType {
    MEDICAL_ESCORT("就医陪护"), HOUSEKEEPING("家政"), MEAL_DELIVERY("助餐"), REPAIR("维修"), SHOPPING("代购"),
    HAIRCUT("理发"), BATHING("助浴"), COMPANIONSHIP("陪伴"), LEGAL("法律"), OTHER("其他");

    static final int MAX_CODE = 32;

    private final String label;

    ServiceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A partner's code as given, or OTHER for one this version does not know (a newer partner must not lose its
     * signal to the dead-letter topic over a service name); null stays null.
     */
    static String codeOf(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).anyMatch(type -> type.name().equals(code)) ? code : OTHER.name();
    }
}
