package shouwang.visit;

/** Why a visit was made, and what a task asks for. */
public enum Purpose {
    /** 日常走访 */
    ROUTINE,
    /** 必访 */
    MUST_VISIT,
    /** 慰问 */
    CONDOLENCE,
    /** 祝寿 */
    BIRTHDAY,
    /** 节日慰问 */
    FESTIVAL,
    /** 送学上门 */
    STUDY_DELIVERY,
    /** 战时联系 */
    EMERGENCY_CHECK
}
