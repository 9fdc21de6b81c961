import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import VisitForm from '../src/components/VisitForm.vue';
import { ApiError } from '../src/api/problems';

const task = { id: '0b6f7d4e-1111-4c4c-9c9c-000000000001', cadreId: '0b6f7d4e-2222-4c4c-9c9c-000000000002', layer: 'COMMUNITY' };

function form(save: (body: unknown) => Promise<unknown>, householdMembers?: string[]) {
  return mount(VisitForm, { props: { task, visitorName: '李秀兰', save, householdMembers }, attachTo: document.body });
}

describe('VisitForm', () => {
  it('submits a visit that names the task, its cadre and layer, in person and now, on one tap', async () => {
    const save = vi.fn().mockResolvedValue({ id: 'v1' });
    const before = Date.now();
    const wrapper = form(save);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(save).toHaveBeenCalledTimes(1);
    const body = save.mock.calls[0][0];
    expect(body).toMatchObject({ taskId: task.id, cadreId: task.cadreId, layer: 'COMMUNITY', channel: 'IN_PERSON',
      visitorName: '李秀兰', contacted: true });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(body.visitedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(body.notContactedReason).toBeUndefined();
    expect(wrapper.emitted('saved')).toEqual([['v1']]);
  });

  it('sends the chosen channel and notes, and the same id again when the worker retries', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError('走访服务暂不可用，请稍后再试', 0)).mockResolvedValue({ id: 'v2' });
    const wrapper = form(save);
    await wrapper.findAll('.el-radio-button').find((b) => b.text() === '电话联系')!.find('input').setValue(true);
    await wrapper.find('textarea').setValue('身体状况良好');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('.visit-error').text()).toContain('走访服务暂不可用');
    expect(wrapper.emitted('saved')).toBeUndefined();

    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [first, second] = save.mock.calls.map((c) => c[0]);
    expect(first).toMatchObject({ channel: 'PHONE', notes: '身体状况良好' });
    expect(second.id).toBe(first.id);
    expect(wrapper.emitted('saved')).toEqual([['v2']]);
  });

  it('shows the field the service rejected, in Chinese, and keeps the form open', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('填写有误：notes 长度不能超过4000', 400, [{ field: 'notes', message: '长度不能超过4000' }]));
    const wrapper = form(save);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('.visit-error').text()).toBe('填写有误：notes 长度不能超过4000');
    expect(wrapper.find('.visit-submit').exists()).toBe(true);
  });

  it('offers 同户一并登记 only for a cadre with household members, and sends household when ticked', async () => {
    const alone = form(vi.fn());
    expect(alone.find('.visit-household').exists()).toBe(false);

    const save = vi.fn().mockResolvedValue({ id: 'v3' });
    const wrapper = form(save, ['王淑珍']);
    expect(wrapper.find('.visit-household').text()).toContain('同户一并登记（王淑珍）');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(save.mock.calls[0][0].household).toBeUndefined();

    await wrapper.find('.visit-household input').setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(save.mock.calls[1][0]).toMatchObject({ household: true, taskId: task.id, cadreId: task.cadreId });
  });
});
