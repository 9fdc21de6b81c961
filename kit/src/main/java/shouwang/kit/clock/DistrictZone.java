package shouwang.kit.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The district's time zone: what "today", a due day and a day's cut-off mean everywhere. */
@ConfigMapping(prefix = "shouwang.district")
public interface DistrictZone {

    /** An IANA zone id. */
    @WithDefault("Asia/Shanghai")
    String zone();
}
