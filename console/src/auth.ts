// Login through Keycloak (authorization code + PKCE S256); the token's roles and scope claims drive the menus,
// while the services themselves decide what the caller may see.
import Keycloak from 'keycloak-js';
import { reactive } from 'vue';
import { config } from './config';

export interface Caller {
  username: string;
  displayName: string;
  roles: string[];
  communityCodes: string[];
  gridCodes: string[];
  unitCodes: string[];
  streetCodes: string[];
  districtCodes: string[];
}

export const caller = reactive<Caller>({
  username: '', displayName: '', roles: [], communityCodes: [], gridCodes: [], unitCodes: [], streetCodes: [], districtCodes: [],
});

const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);

export async function login(): Promise<void> {
  // The code comes back in the query: the fragment belongs to the router (hash history).
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', responseMode: 'query', checkLoginIframe: false });
  const t = keycloak.tokenParsed as Record<string, unknown> & { realm_access?: { roles?: string[] } };
  caller.username = String(t.preferred_username ?? '');
  // Chinese order: family name first (李秀兰, not 秀兰 李).
  caller.displayName = `${t.family_name ?? ''}${t.given_name ?? ''}` || String(t.name ?? t.preferred_username ?? '');
  const roles = t.realm_access?.roles ?? [];
  // A city admin holds every district-admin right, in every district, as the services grant it (kit CityAdminRoles).
  caller.roles = roles.includes('city-admin') && !roles.includes('district-admin') ? [...roles, 'district-admin'] : roles;
  caller.communityCodes = list(t.community_codes);
  caller.gridCodes = list(t.grid_codes);
  caller.unitCodes = list(t.unit_codes);
  caller.streetCodes = list(t.street_codes);
  caller.districtCodes = list(t.district_codes);
}

/** A fresh access token: refreshed when it has less than 30 s left. */
export async function accessToken(): Promise<string> {
  await keycloak.updateToken(30).catch(() => keycloak.login());
  return keycloak.token ?? '';
}

export function logout(): Promise<void> {
  return keycloak.logout({ redirectUri: location.origin + location.pathname });
}

export const hasRole = (...roles: string[]) => roles.some((r) => caller.roles.includes(r));
