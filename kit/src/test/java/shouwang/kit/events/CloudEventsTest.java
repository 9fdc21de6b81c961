package shouwang.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void onlyTheFirstVersionOfATypeIsReadAsItsEventName() {
        assertThat(CloudEvents.eventNameOf("shouwang.CadreRegistered.v1")).isEqualTo("CadreRegistered");
        // a breaking change must not be handled by the v1 handler of the same name
        assertThat(CloudEvents.eventNameOf("shouwang.CadreRegistered.v2")).isEqualTo("shouwang.CadreRegistered.v2");
        assertThat(CloudEvents.eventNameOf("HospitalisationReported")).isEqualTo("HospitalisationReported");
        assertThat(CloudEvents.eventNameOf("shouwang..v1")).isEqualTo("shouwang..v1");
        assertThat(CloudEvents.typeOf("VisitLogged")).isEqualTo("shouwang.VisitLogged.v1");
    }
}
