import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import DistrictPicker from '../src/components/DistrictPicker.vue';
import DistrictTable from '../src/components/DistrictTable.vue';
import { districtRows, showsDistrictPicker, type District } from '../src/districts';

const districts: District[] = [
  { code: '421102', name: '黄州区', active: true },
  { code: '421121', name: '团风县', active: true },
  { code: '421199', name: '旧区（已撤销）', active: false },
];

function picker(modelValue = '') {
  return mount(DistrictPicker, { props: { districts, modelValue }, attachTo: document.body });
}

/** Opens the select and returns the option texts in the order the admin reads them. */
async function open(wrapper: ReturnType<typeof picker>) {
  await wrapper.find('.el-select__wrapper').trigger('click');
  await flushPromises();
  return [...document.body.querySelectorAll('.el-select-dropdown__item')] as HTMLElement[];
}

describe('DistrictPicker', () => {
  it('offers 全市 first, then each active district by its name', async () => {
    const wrapper = picker();
    const options = await open(wrapper);
    expect(options.map((o) => o.textContent?.trim())).toEqual(['全市', '黄州区', '团风县']);
    wrapper.unmount();
  });

  it('sends the chosen district code, and no code for 全市', async () => {
    const wrapper = picker('421102');
    let options = await open(wrapper);
    options.find((o) => o.textContent?.trim() === '团风县')!.click();
    await flushPromises();
    options = await open(wrapper);
    options.find((o) => o.textContent?.trim() === '全市')!.click();
    await flushPromises();
    expect(wrapper.emitted('update:modelValue')).toEqual([['421121'], ['']]);
    wrapper.unmount();
  });

  it('shows the name of the district being looked at, also an inactive one', async () => {
    const wrapper = picker('421199');
    await flushPromises();
    expect(wrapper.find('.el-select__placeholder').text()).toBe('旧区（已撤销）');
    await wrapper.setProps({ modelValue: '' });
    expect(wrapper.find('.el-select__placeholder').text()).toBe('全市');
    wrapper.unmount();
  });
});

describe('who is offered the picker', () => {
  it('the city admin and an admin of several districts; not an admin of one district, nor the staff below', () => {
    expect(showsDistrictPicker({ roles: ['city-admin', 'district-admin'], districtCodes: [] })).toBe(true);
    expect(showsDistrictPicker({ roles: ['district-admin'], districtCodes: ['421102', '421121'] })).toBe(true);
    expect(showsDistrictPicker({ roles: ['district-admin'], districtCodes: ['421102'] })).toBe(false);
    expect(showsDistrictPicker({ roles: ['district-admin'], districtCodes: [] })).toBe(false);
    expect(showsDistrictPicker({ roles: ['community-worker'], districtCodes: [] })).toBe(false);
  });
});

describe('按区县', () => {
  it('joins the four answers per district in the directory order, zeros where a district has none', () => {
    const rows = districtRows(districts.slice(0, 2), {
      cadres: { 421102: 302, 421121: 40 },
      coverage: { 421102: { cadres: 302, overdueCadres: 3 }, 421121: { cadres: 40, overdueCadres: 0 } },
      visits: [{ districtCode: '421102', districtName: '黄州区', counts: { visits: 12 } }],
      alerts: [{ districtCode: '421121', districtName: '团风县', open: 2, overdue: 1 }],
    });
    expect(rows).toEqual([
      { code: '421102', name: '黄州区', cadres: 302, overdue: 3, onTimeRate: 99, visits: 12, openAlerts: 0, overdueAlerts: 0 },
      { code: '421121', name: '团风县', cadres: 40, overdue: 0, onTimeRate: 100, visits: 0, openAlerts: 2, overdueAlerts: 1 },
    ]);
  });

  it('lists a district the directory lacks by the name the service gave, and the cadres of no district last', () => {
    const rows = districtRows([{ code: '421102', name: '黄州区' }], {
      coverage: { '': { cadres: 5, overdueCadres: 5 }, 421102: { cadres: 10, overdueCadres: 0 } },
      alerts: [{ districtCode: '421181', districtName: '麻城市', open: 1, overdue: 0 }, { districtCode: undefined, open: 0 }],
    });
    expect(rows.map((r) => [r.name, r.overdue, r.onTimeRate, r.openAlerts])).toEqual([
      ['黄州区', 0, 100, 0], ['麻城市', 0, 100, 1], ['未划入区县', 5, 0, 0],
    ]);
    expect(rows.every((r) => r.cadres === undefined && r.visits === undefined)).toBe(true);
  });

  it('shows — for the figures of a service that did not answer, and opens a district on a click', async () => {
    const rows = districtRows(districts.slice(0, 2), { cadres: { 421102: 302, 421121: 40 }, alerts: undefined, coverage: {} });
    const wrapper = mount(DistrictTable, { props: { rows } });
    await flushPromises(); // Element Plus lays a table's columns out after mounting
    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['区县', '在册老干部', '超期未联系', '按期联系率']);
    expect(wrapper.find('.district-row-421121').text()).toContain('40');
    expect(wrapper.find('.district-row-421121 .district-onTimeRate').text()).toBe('100%');

    const partial = mount(DistrictTable, { props: { rows: [{ code: '421102', name: '黄州区', cadres: 302, openAlerts: undefined },
      { code: '421121', name: '团风县', openAlerts: 2 }] } });
    await flushPromises();
    expect(partial.find('.district-row-421121 .district-cadres').text()).toBe('—');
    await partial.find('.district-row-421121 .district-link').trigger('click');
    expect(partial.emitted('pick')).toEqual([['421121']]);
  });
});
