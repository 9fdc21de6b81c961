// The city's districts for the 区县 picker and the 按区县 names, from registry's directory (`GET /org/districts`,
// already narrowed to a district admin's own districts by the service), read once per tab.
import { call, registry } from './api/clients';
import { caller } from './auth';
import { showsDistrictPicker, type District } from './districts';

let directory: Promise<District[]> | undefined;

/** [] for a caller who is offered no picker (its token scopes it to one district, or the deployment has none). */
export function loadDistricts(): Promise<District[]> {
  if (!showsDistrictPicker(caller)) return Promise.resolve([]);
  directory ??= call('registry', registry.GET('/api/v1/org/districts', { params: { query: { size: 500 } } }))
    .then((page) => (page.items ?? []).map((d) => ({ code: d.code!, name: d.name ?? d.code!, active: d.active })))
    .catch((e) => {
      directory = undefined; // a failed read is tried again on the next screen or 重试
      throw e;
    });
  return directory;
}
