// Which menus a role sees. The services still decide every answer; a menu a role may not use is simply not offered.
const workers = ['district-admin', 'street-officer', 'community-worker', 'grid-worker', 'unit-liaison'];

export interface Menu { path: string; title: string; roles: string[] }

export const menus: Menu[] = [
  { path: '/tasks', title: '我的任务', roles: workers },
  { path: '/coverage', title: '不漏一人', roles: workers },
  { path: '/alerts', title: '预警', roles: workers },
  { path: '/dashboard', title: '数据看板', roles: ['district-admin', 'street-officer', 'community-worker'] },
  { path: '/cadres', title: '人员', roles: workers },
  { path: '/volunteering', title: '志愿', roles: [...workers, 'volunteer'] },
  // Issue 12: who may list service requests (a volunteer: those dispatched to it or its teams) and activities.
  { path: '/service-requests', title: '服务工单', roles: ['district-admin', 'community-worker', 'grid-worker', 'volunteer'] },
  { path: '/activities', title: '活动与课程', roles: ['district-admin', 'community-worker', 'grid-worker', 'unit-liaison', 'volunteer'] },
];

export const menusFor = (roles: string[]) => menus.filter((m) => m.roles.some((r) => roles.includes(r)));
