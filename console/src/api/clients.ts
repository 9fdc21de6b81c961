// Typed clients generated from the services' OpenAPI documents (scripts/generate-api.mjs): a path, parameter or field
// the services do not document does not compile.
import createClient, { type Middleware } from 'openapi-fetch';
import type { Ref } from 'vue';
import type { paths as RegistryPaths } from './generated/registry';
import type { paths as VisitPaths } from './generated/visit';
import type { paths as AlertPaths } from './generated/alert';
import type { paths as VolunteerPaths } from './generated/volunteer';
import { accessToken } from '../auth';
import { config } from '../config';
import { describe, type Problem } from './problems';

const bearer: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${await accessToken()}`);
    return request;
  },
};

function client<P extends {}>(service: 'registry' | 'visit' | 'alert' | 'volunteer') {
  const c = createClient<P>({ baseUrl: config.service(service) });
  c.use(bearer);
  return c;
}

export const registry = client<RegistryPaths>('registry');
export const visit = client<VisitPaths>('visit');
export const alert = client<AlertPaths>('alert');
export const volunteer = client<VolunteerPaths>('volunteer');

/** The data of a call, or an ApiError with a Chinese message (also when the service cannot be reached at all). */
export async function call<T>(service: string, request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer;
  try {
    answer = await request;
  } catch {
    throw describe(service, 0);
  }
  if (!answer.response.ok) throw describe(service, answer.response.status, answer.error as Problem);
  return answer.data as T;
}

/** Runs one panel's loading; its failure becomes that panel's message, so the other panels of a screen still show. */
export async function attempt(failure: Ref<string>, work: () => Promise<void>): Promise<boolean> {
  failure.value = '';
  try {
    await work();
    return true;
  } catch (e) {
    failure.value = (e as Error).message;
    return false;
  }
}
