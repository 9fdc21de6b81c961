// Where the console finds Keycloak and the services. Served as a plain file so an operator can point a deployed
// console elsewhere without rebuilding it. Empty values mean: the host the console was loaded from, ports 8180, 8081-8084.
window.SHOUWANG_CONFIG = {
  keycloakUrl: '',
  realm: 'shouwang',
  clientId: 'shouwang-console',
  services: { registry: '', visit: '', alert: '', volunteer: '' },
};
