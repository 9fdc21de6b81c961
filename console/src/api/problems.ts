// Turns what a service answered (problem+json, a status, or no answer at all) into a message a grid worker can act on.
// The shape is the services' own: kit DocumentedProblems puts the Problem schema into every service's OpenAPI
// document, so a change of the error shape breaks this build. All four documents carry the same Problem.
import type { components } from './generated/registry';

export type Violation = components['schemas']['Violation'];
export type Problem = components['schemas']['Problem'];

const serviceNames: Record<string, string> = {
  registry: '人员信息服务', visit: '走访服务', alert: '预警服务', volunteer: '志愿服务',
};

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly violations: Violation[] = []) {
    super(message);
  }
}

export function describe(service: string, status: number, problem?: Problem): ApiError {
  const violations = problem?.violations ?? [];
  switch (status) {
    case 400:
      return new ApiError(violations.length
        ? '填写有误：' + violations.map((v) => `${v.field ?? ''} ${v.message ?? ''}`.trim()).join('；')
        : `请求有误：${problem?.detail ?? problem?.title ?? ''}`, status, violations);
    case 401: return new ApiError('登录已过期，请重新登录', status);
    case 403: return new ApiError('无权操作：超出您的职责范围', status);
    case 404: return new ApiError('未找到该记录，或不在您的管辖范围内', status);
    case 409: return new ApiError(problem?.detail ?? '操作冲突：记录已被他人修改或名额已满', status);
    case 429: return new ApiError('操作过于频繁，请稍后再试', status);
    default:
      return new ApiError(status >= 500 || status === 0
        ? `${serviceNames[service] ?? service}暂不可用，请稍后再试`
        : problem?.detail ?? `请求失败（${status}）`, status);
  }
}
