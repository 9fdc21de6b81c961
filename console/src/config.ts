// Runtime configuration (public/config.js); blanks fall back to the host the console was loaded from.
type Service = 'registry' | 'visit' | 'alert' | 'volunteer';
interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  services: Record<Service, string>;
}
const given = (window as unknown as { SHOUWANG_CONFIG?: Partial<ConsoleConfig> }).SHOUWANG_CONFIG ?? {};
const host = `${location.protocol}//${location.hostname}`;
const ports: Record<Service, number> = { registry: 8081, visit: 8082, alert: 8083, volunteer: 8084 };

export const config = {
  keycloakUrl: given.keycloakUrl || `${host}:8180`,
  realm: given.realm || 'shouwang',
  clientId: given.clientId || 'shouwang-console',
  service(name: Service): string {
    return given.services?.[name] || `${host}:${ports[name]}`;
  },
};
export type { Service };
