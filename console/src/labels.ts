// Chinese labels for the contract's codes (shared/contract.md "Codes").
export const labels: Record<string, Record<string, string>> = {
  retirementType: { LIXIU: '离休', TUIXIU: '退休' },
  rank: { COUNTY_CHIEF: '正县级', COUNTY_DEPUTY: '副县级', SECTION_CHIEF: '正科级', SECTION_DEPUTY: '副科级', OTHER: '其他' },
  gender: { MALE: '男', FEMALE: '女' },
  partyMember: { true: '党员', false: '非党员' },
  layer: { UNIT: '原单位', COMMUNITY: '社区', GRID: '网格', NEIGHBOUR: '邻里守望', STREET: '街道', BUREAU: '区委老干部局' },
  channel: { IN_PERSON: '上门走访', PHONE: '电话联系', VIDEO: '视频联系' },
  taskStatus: { OPEN: '待走访', DONE: '已完成', MISSED: '已超期', CANCELLED: '已取消' },
  alertStatus: { OPEN: '待处置', ACKNOWLEDGED: '已签收', RESOLVED: '已办结' },
  level: { 0: '0级 责任单位/社区', 1: '1级 单位/社区领导', 2: '2级 街道', 3: '3级 区委老干部局' },
  signalKind: {
    HOSPITALISATION: '生病住院', HARDSHIP: '生活困难', FAMILY_ACCIDENT: '家庭意外', FAMILY_CONFLICT: '家庭矛盾',
    NEIGHBOUR_DISPUTE: '邻里矛盾', HOUSE_MOVE: '乔迁', WORRY: '思想顾虑', BENEFITS_NOT_HONOURED: '原单位待遇不落实',
    HELP_REQUEST: '求助', ROUTINE_VISIT_MISSED: '日常走访超期',
  },
  status: { ACTIVE: '在册', DECEASED: '已故', MOVED_AWAY: '迁出' },
  livingArrangement: { ALONE: '独居', COUPLE_ONLY: '空巢', WITH_FAMILY: '与家人同住', WITH_CAREGIVER: '保姆照护', INSTITUTION: '养老机构' },
  category: {
    POLICY_PROMOTION: '政策宣传', SECURITY_PATROL: '治安巡逻', LEGAL_AID: '法律咨询', CULTURE_SPORTS: '文体健身',
    YOUTH_EDUCATION: '关心下一代', MEDIATION: '民事调解', ENVIRONMENT: '环境卫生', ELDER_HELP: '助老服务', FAMILY_PLANNING: '计划生育',
  },
  // Service requests 点单/派单/接单 (volunteer-service, issue 12); the service types are alert-service's codes.
  serviceType: {
    MEDICAL_ESCORT: '就医陪护', HOUSEKEEPING: '家政', MEAL_DELIVERY: '助餐', REPAIR: '维修', SHOPPING: '代购',
    HAIRCUT: '理发', BATHING: '助浴', COMPANIONSHIP: '陪伴', LEGAL: '法律', OTHER: '其他',
  },
  requestStatus: { REQUESTED: '待派单', DISPATCHED: '已派单', ACCEPTED: '已接单', DONE: '已完成', CANCELLED: '已取消' },
  requestSource: { STAFF: '工作人员代下单', CADRE: '老干部本人', PARTNER: '12345热线', ALERT: '求助预警' },
  assigneeKind: { VOLUNTEER: '志愿者', TEAM: '志愿队伍', PROVIDER: '服务商' },
  // Activities and classes (issue 12).
  activityKind: { CLASS: '老年大学课程', TEAM: '文体队伍', EVENT: '活动' },
  attendanceStatus: { PRESENT: '出勤', ABSENT: '缺勤', UNRECORDED: '未记录' },
  // Service records and the time bank (志愿服务时间银行).
  recordStatus: { PENDING: '待审核', VERIFIED: '已审核', REJECTED: '已驳回' },
  hourKind: { EARNED: '服务获得', SPENT: '使用', DONATED: '捐出', RECEIVED: '受赠' },
  beneficiary: { SELF: '本人', FAMILY: '家人' },
};

export const label = (kind: string, code: unknown): string =>
  code === undefined || code === null ? '' : labels[kind]?.[String(code)] ?? String(code);

export const dateTime = (iso?: string | null): string =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '';

/** Today in the district's time zone, as YYYY-MM-DD (the services' as-of dates). */
export const today = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
