package shouwang.visit;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * visit-service settings under {@code shouwang.visit}. The local calendar (what "today", a due day or a festival day
 * means) is the kit's {@code shouwang.district.zone}.
 */
@ConfigMapping(prefix = "shouwang.visit")
public interface VisitConfig {

    Missed missed();

    Cadence cadence();

    Lapse lapse();

    Campaigns campaigns();

    Issues issues();

    StudyDelivery studyDelivery();

    ActivityAbsence activityAbsence();

    /** 送学上门 tasks for the absentees of a study session. */
    interface StudyDelivery {
        /** Due at the end of the district day this long after the session. */
        @WithDefault("P14D")
        Period deadline();
    }

    /** The grid's routine visit after a cadre missed three sessions of an activity in a row. */
    interface ActivityAbsence {
        /** Due this long after the flag arrived. */
        @WithDefault("P7D")
        Duration deadline();
    }

    /** The must-visit task scanner (open task past its deadline → MISSED + VisitMissed). */
    interface Missed {
        @WithDefault("true")
        boolean enabled();

        /** Pause between scans when the last one found fewer than a full batch. */
        @WithDefault("200ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();
    }

    /**
     * Required contact intervals per risk profile and layer (ISO-8601 periods). A layer without a value is not
     * required for that profile. NEIGHBOUR follows each pairing's own cadence, or {@code neighbour} for a contact
     * the registry assigned.
     */
    interface Cadence {
        /** 重点服务对象: 孤寡, 特困, 残疾, 重病, living alone, self-care PARTIAL/NONE, aged 90+. */
        Layers keyTarget();

        /** Aged 80 to 89 and not a key service target. */
        Layers aged80();

        Layers others();

        Channels channels();

        /** Cadence of a NEIGHBOUR contact the registry assigned (邻里守望 without a pairing). */
        @io.smallrye.config.WithDefault("P7D")
        java.time.Period neighbour();

        interface Layers {
            Optional<Period> unit();

            Optional<Period> community();

            Optional<Period> grid();
        }

        /** Which channels count as a contact for each layer. */
        interface Channels {
            @WithDefault("IN_PERSON,PHONE,VIDEO")
            Set<Channel> unit();

            @WithDefault("IN_PERSON,PHONE,VIDEO")
            Set<Channel> community();

            @WithDefault("IN_PERSON,PHONE,VIDEO")
            Set<Channel> grid();

            @WithDefault("IN_PERSON,PHONE,VIDEO")
            Set<Channel> neighbour();
        }
    }

    /** The routine lapse scanner: a cadence overrun raises VisitMissed (ROUTINE) once. */
    interface Lapse {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1m")
        Duration interval();
    }

    interface Campaigns {
        /** How many days before a greeting day its tasks open. */
        @WithDefault("7")
        int greetingLeadDays();

        /** A greeting still counts this many days after its day (春节 visits run on into the first week). */
        @WithDefault("7")
        int greetingGraceDays();

        /** 战时: a cadre not contacted by this district time of day is announced unreached (a campaign may differ). */
        @WithDefault("18:00")
        java.time.LocalTime emergencyCutOff();

        /** How often the emergency cut-off is checked. */
        @WithDefault("1m")
        Duration emergencyInterval();

        /** How often running greeting rounds add tasks for cadres registered since. */
        @WithDefault("1h")
        Duration topUpInterval();
    }

    interface Issues {
        /** Deadline of a need raised without one: this many days after the visit. */
        @WithDefault("7")
        int defaultDeadlineDays();
    }
}
