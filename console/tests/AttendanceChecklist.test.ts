import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import AttendanceChecklist from '../src/components/AttendanceChecklist.vue';
import { ApiError } from '../src/api/problems';

const rows = [
  { cadreId: '6f000000-0000-4000-8000-000000000001', cadreName: '张建国', status: 'UNRECORDED' },
  { cadreId: '6f000000-0000-4000-8000-000000000002', cadreName: '王淑珍', status: 'PRESENT' },   // signed herself in
  { cadreId: '6f000000-0000-4000-8000-000000000003', cadreName: '赵德明', status: 'ABSENT' },
];
const [zhang, wang, zhao] = rows.map((r) => r.cadreId);

function checklist(save: (ids: string[]) => Promise<unknown>) {
  return mount(AttendanceChecklist, { props: { rows, save: save as never }, attachTo: document.body });
}

async function tick(wrapper: VueWrapper, name: string, on: boolean) {
  const box = wrapper.findAll('.attendance-cadre').find((c) => c.text().startsWith(name));
  expect(box, `a checkbox for ${name}`).toBeDefined();
  await box!.find('input').setValue(on);
}

const submit = async (wrapper: VueWrapper) => {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
};

describe('AttendanceChecklist', () => {
  it('starts with who signed in checked and sends exactly the checked cadres', async () => {
    const save = vi.fn().mockResolvedValue({ session: 3, present: 2, absent: 1, flaggedCadreIds: [] });
    const wrapper = checklist(save);
    expect(wrapper.find('.attendance-count').text()).toBe('1');

    await tick(wrapper, '赵德明', true);
    await submit(wrapper);

    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toEqual([wang, zhao]);
    expect(wrapper.find('.attendance-result').text()).toContain('出勤 2 人，缺勤 1 人');
    expect(wrapper.find('.attendance-flagged').exists()).toBe(false);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('sends no one when every box is cleared, and names the cadres absent three times in a row', async () => {
    const save = vi.fn().mockResolvedValue({ session: 3, present: 0, absent: 3, flaggedCadreIds: [zhang, zhao] });
    const wrapper = checklist(save);
    await tick(wrapper, '王淑珍', false);
    await submit(wrapper);

    expect(save.mock.calls[0][0]).toEqual([]);
    const warning = wrapper.find('.attendance-flagged').text();
    expect(warning).toContain('连续三次缺勤：张建国、赵德明');
    expect(warning).not.toContain('王淑珍');
  });

  it('全部出勤 checks everyone; a refusal is shown in Chinese and the list stays as ticked', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('该场次尚未开始，不能记录签到', 409));
    const wrapper = checklist(save);
    await wrapper.find('.attendance-all').trigger('click');
    await submit(wrapper);

    expect(save.mock.calls[0][0]).toEqual([zhang, wang, zhao]);
    expect(wrapper.find('.attendance-error').text()).toBe('该场次尚未开始，不能记录签到');
    expect(wrapper.find('.attendance-count').text()).toBe('3');
    expect(wrapper.emitted('saved')).toBeUndefined();
  });
});
