// 区县 (issue 16): which district of the city a screen shows, and the 按区县 breakdown the services answer when asked
// without one. A district admin's token already limits every answer to its district, so only a caller who covers
// several districts (the city admin, or an admin whose token names more than one) is offered a choice.
import { ref } from 'vue';
import type { components as Visit } from './api/generated/visit';
import type { components as Alert } from './api/generated/alert';

export interface District { code: string; name: string; active?: boolean }

/** The district chosen on 数据看板 or 不漏一人, '' for 全市: one choice for both screens, kept while the tab is open. */
export const chosenDistrict = ref('');

export const CITY = '全市';
/** The services fold the cadres of a community whose street names no district under '' (coverage) or null. */
export const UNPLACED = '未划入区县';

export function showsDistrictPicker(caller: { roles: string[]; districtCodes: string[] }): boolean {
  return caller.roles.includes('city-admin') || caller.districtCodes.length > 1;
}

export function districtName(districts: District[], code: string | null | undefined, fallback?: string | null): string {
  if (!code) return UNPLACED;
  return districts.find((d) => d.code === code)?.name ?? fallback ?? code;
}

/** One row of the 按区县 table; a figure is undefined when its service did not answer (the cell shows —). */
export interface DistrictRow {
  code: string;
  name: string;
  cadres?: number;
  overdue?: number;
  onTimeRate?: number;
  visits?: number;
  openAlerts?: number;
  overdueAlerts?: number;
}

export interface DistrictFigures {
  /** registry `GET /statistics/cadres` byDistrict: code → cadres */
  cadres?: Record<string, number>;
  /** visit `GET /coverage` byDistrict: code ('' = no district) → totals */
  coverage?: Record<string, Visit['schemas']['Totals']>;
  /** visit `GET /statistics/visits` byDistrict */
  visits?: Visit['schemas']['DistrictCounts'][];
  /** alert `GET /alerts/statistics` byDistrict */
  alerts?: Alert['schemas']['District'][];
}

/** 按期联系率 in per cent with one decimal: the share of the cadres not overdue (100 when there are none). */
export const onTimeRate = (cadres: number, overdue: number): number =>
  cadres ? Math.round((1 - overdue / cadres) * 1000) / 10 : 100;

/**
 * The rows of the 按区县 table: every district of the directory in its order (a district without cadres yet shows
 * its zeros), then codes the answers name that the directory does not (an inactive district's history), then the
 * cadres of no district, only when some answer counts any.
 */
export function districtRows(districts: District[], figures: DistrictFigures): DistrictRow[] {
  const rows = new Map<string, DistrictRow>();
  const row = (code: string | null | undefined, name?: string | null): DistrictRow => {
    const key = code ?? '';
    let r = rows.get(key);
    if (!r) {
      r = { code: key, name: districtName(districts, key, name) };
      rows.set(key, r);
    }
    return r;
  };
  districts.forEach((d) => row(d.code));
  Object.entries(figures.cadres ?? {}).forEach(([code, n]) => { if (n || code) row(code).cadres = n; });
  Object.entries(figures.coverage ?? {}).forEach(([code, t]) => {
    if (!code && !t.cadres) return;
    const r = row(code);
    r.overdue = t.overdueCadres ?? 0;
    r.onTimeRate = onTimeRate(t.cadres ?? 0, r.overdue);
  });
  (figures.visits ?? []).forEach((d) => {
    const visits = d.counts?.visits ?? 0;
    if (d.districtCode || visits) row(d.districtCode, d.districtName).visits = visits;
  });
  (figures.alerts ?? []).forEach((d) => {
    if (!d.districtCode && !d.open) return;
    const r = row(d.districtCode, d.districtName);
    r.openAlerts = d.open ?? 0;
    r.overdueAlerts = d.overdue ?? 0;
  });
  // A row the answer does not list has none of that figure (the services list only districts with data), unless
  // the service did not answer at all.
  for (const r of rows.values()) {
    if (figures.cadres) r.cadres ??= 0;
    if (figures.coverage) {
      r.overdue ??= 0;
      r.onTimeRate ??= 100;
    }
    if (figures.visits) r.visits ??= 0;
    if (figures.alerts) {
      r.openAlerts ??= 0;
      r.overdueAlerts ??= 0;
    }
  }
  const unplaced = rows.get('');
  rows.delete('');
  return [...rows.values(), ...(unplaced ? [unplaced] : [])];
}
