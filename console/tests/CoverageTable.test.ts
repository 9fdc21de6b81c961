import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import CoverageTable from '../src/components/CoverageTable.vue';
import type { components } from '../src/api/generated/visit';

const coverage: components['schemas']['CoverageDto'] = {
  on: '2026-12-02',
  cadres: 40,
  overdueCadres: 3,
  overdueByLayer: { COMMUNITY: 2, GRID: 1 },
  byCommunity: {
    SQ001: { cadres: 25, overdueCadres: 1, overdueByLayer: { GRID: 1 } },
    SQ002: { cadres: 15, overdueCadres: 2, overdueByLayer: { COMMUNITY: 2 } },
  },
  byGrid: { 'SQ001-WG01': { cadres: 10, overdueCadres: 1, overdueByLayer: { GRID: 1 } } },
  items: [
    { cadreId: 'a', name: '张建国', communityCode: 'SQ002', gridCode: 'SQ002-WG01', layer: 'COMMUNITY', dueOn: '2026-11-30', daysOverdue: 2 },
    { cadreId: 'b', name: '王淑珍', communityCode: 'SQ001', gridCode: 'SQ001-WG01', layer: 'GRID', dueOn: '2026-11-20', daysOverdue: 12 },
    { cadreId: 'c', name: '赵德明', communityCode: 'SQ002', gridCode: 'SQ002-WG02', layer: 'COMMUNITY', dueOn: '2026-11-27', daysOverdue: 5 },
  ],
};

// Element Plus lays a table's columns out after mounting: wait for it, as a user's eyes would.
async function rendered(value: components['schemas']['CoverageDto']) {
  const wrapper = mount(CoverageTable, { props: { coverage: value } });
  await flushPromises();
  return wrapper;
}

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());

describe('CoverageTable', () => {
  it('sums up the scope: cadres, overdue people and overdue per layer with Chinese layer names', () => {
    const text = mount(CoverageTable, { props: { coverage } }).find('.coverage-summary').text();
    expect(text).toContain('在册 40 人');
    expect(text).toContain('超期未联系 3 人');
    expect(text).toContain('社区 2');
    expect(text).toContain('网格 1');
    expect(text).toContain('原单位 0');
  });

  it('counts per community, the most overdue community first, with a column per layer', async () => {
    const wrapper = await rendered(coverage);
    const [byCommunity, byGrid] = wrapper.findAll('.coverage-groups');
    const headers = byCommunity.findAll('thead th').map((th) => th.text());
    expect(headers).toEqual(['编码', '在册人数', '超期人数', '原单位', '社区', '网格', '邻里守望']);
    const rows = byCommunity.element.querySelectorAll('tbody tr');
    expect(cells(rows[0])).toEqual(['SQ002', '15', '2', '0', '2', '0', '0']);
    expect(cells(rows[1])).toEqual(['SQ001', '25', '1', '0', '0', '1', '0']);
    expect(cells(byGrid.element.querySelector('tbody tr')!)).toEqual(['SQ001-WG01', '10', '1', '0', '0', '1', '0']);
  });

  it('lists the overdue people longest overdue first', async () => {
    const people = (await rendered(coverage)).find('.coverage-people');
    const names = [...people.element.querySelectorAll('tbody tr')].map((r) => cells(r)[0]);
    expect(names).toEqual(['王淑珍', '赵德明', '张建国']);
    expect(cells(people.element.querySelector('tbody tr')!)).toEqual(['王淑珍', 'SQ001', 'SQ001-WG01', '网格', '2026-11-20', '12']);
  });

  it('tags the members of one household 同户 and lists them together', async () => {
    const household = '4h000000-0000-4000-8000-000000000001';
    const people = (await rendered({ ...coverage, items: [
      { cadreId: 'a', name: '张建国', communityCode: 'SQ001', layer: 'GRID', daysOverdue: 9, householdId: household, householdMemberIds: ['d'] },
      { cadreId: 'b', name: '王淑珍', communityCode: 'SQ001', layer: 'GRID', daysOverdue: 12, householdMemberIds: [] },
      { cadreId: 'c', name: '赵德明', communityCode: 'SQ001', layer: 'GRID', daysOverdue: 10, householdMemberIds: [] },
      { cadreId: 'd', name: '李秀英', communityCode: 'SQ001', layer: 'GRID', daysOverdue: 2, householdId: household, householdMemberIds: ['a'] },
    ] })).find('.coverage-people');
    const rows = [...people.element.querySelectorAll('tbody tr')];
    expect(rows.map((r) => cells(r)[0])).toEqual(['王淑珍', '赵德明', '张建国同户', '李秀英同户']);
    const tags = people.findAll('.coverage-household');
    expect(tags).toHaveLength(2);
    expect(tags[0].attributes('title')).toBe('与李秀英同户');
    expect(tags[1].attributes('title')).toBe('与张建国同户');
  });

  it('says nobody is missed when nobody is overdue', () => {
    const wrapper = mount(CoverageTable, { props: { coverage: { cadres: 5, overdueCadres: 0, items: [] } } });
    expect(wrapper.find('.coverage-people').text()).toContain('全部按期联系，不漏一人');
  });
});
