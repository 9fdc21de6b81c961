package shouwang.visit;

import java.util.Map;

/** Chinese labels of the codes that exports show. */
public final class Labels {

    public static final Map<Layer, String> LAYERS = Map.of(Layer.UNIT, "原单位", Layer.COMMUNITY, "社区",
            Layer.GRID, "网格", Layer.NEIGHBOUR, "邻里守望", Layer.STREET, "街道", Layer.BUREAU, "区委老干部局");
    public static final Map<Channel, String> CHANNELS = Map.of(Channel.IN_PERSON, "上门", Channel.PHONE, "电话",
            Channel.VIDEO, "视频");
    public static final Map<Purpose, String> PURPOSES = Map.of(Purpose.ROUTINE, "日常走访", Purpose.MUST_VISIT, "必访",
            Purpose.CONDOLENCE, "慰问", Purpose.BIRTHDAY, "祝寿", Purpose.FESTIVAL, "节日慰问",
            Purpose.STUDY_DELIVERY, "送学上门", Purpose.EMERGENCY_CHECK, "战时联系");

    private Labels() {
    }
}
