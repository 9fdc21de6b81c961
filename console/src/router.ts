import { createRouter, createWebHashHistory } from 'vue-router';
import { caller } from './auth';
import { menusFor } from './menus';

// Hash history: the console is plain static files, so no server needs to know its routes.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: () => menusFor(caller.roles)[0]?.path ?? '/forbidden' },
    { path: '/tasks', component: () => import('./views/TasksView.vue') },
    { path: '/coverage', component: () => import('./views/CoverageView.vue') },
    { path: '/alerts', component: () => import('./views/AlertsView.vue') },
    { path: '/dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/cadres', component: () => import('./views/CadresView.vue') },
    { path: '/cadres/:id', component: () => import('./views/CadreProfile.vue'), props: true },
    { path: '/volunteering', component: () => import('./views/VolunteeringView.vue') },
    { path: '/service-requests', component: () => import('./views/ServiceRequestsView.vue') },
    { path: '/activities', component: () => import('./views/ActivitiesView.vue') },
    { path: '/:rest(.*)', component: () => import('./views/ForbiddenView.vue') },
  ],
});
