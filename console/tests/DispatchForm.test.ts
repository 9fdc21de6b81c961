import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import DispatchForm from '../src/components/DispatchForm.vue';
import { ApiError } from '../src/api/problems';

const candidates = {
  VOLUNTEER: [
    { id: '7a000000-0000-4000-8000-000000000001', name: '王建国', hint: 'SQ001' },
    { id: '7a000000-0000-4000-8000-000000000002', name: '刘桂芳', hint: 'SQ001' },
  ],
  TEAM: [{ id: '7b000000-0000-4000-8000-000000000001', name: '银发助老队', hint: '助老服务 · 5人' }],
  PROVIDER: [{ id: '7c000000-0000-4000-8000-000000000001', name: '安心家政', hint: '家政、助浴' }],
};

function form(save: (body: unknown) => Promise<unknown>, failures = {}) {
  return mount(DispatchForm, { props: { candidates, failures, save }, attachTo: document.body });
}

/** Taps a radio by the text the worker reads on it (a kind button, or a candidate). */
async function tap(wrapper: VueWrapper, text: string) {
  const radio = wrapper.findAll('.el-radio-button, .el-radio').find((r) => r.text().startsWith(text));
  expect(radio, `a choice named ${text}`).toBeDefined();
  await radio!.find('input').setValue(true);
}

const submit = async (wrapper: VueWrapper) => {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
};

describe('DispatchForm', () => {
  it('sends only the one volunteer chosen', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save);
    await tap(wrapper, '志愿者');
    await tap(wrapper, '刘桂芳');
    await submit(wrapper);

    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toEqual({ volunteerId: candidates.VOLUNTEER[1].id });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('sends exactly one assignee when the worker changes the kind after choosing someone', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save);
    await tap(wrapper, '志愿者');
    await tap(wrapper, '王建国');
    await tap(wrapper, '服务商');
    await tap(wrapper, '安心家政');
    await submit(wrapper);

    expect(save.mock.calls[0][0]).toEqual({ providerId: candidates.PROVIDER[0].id });
  });

  it('sends nothing until a kind and one assignee of it are chosen', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save);
    await submit(wrapper);
    expect(wrapper.find('.dispatch-error').text()).toContain('请选择派单对象类型');

    await tap(wrapper, '志愿队伍');
    await submit(wrapper);
    expect(wrapper.find('.dispatch-error').text()).toBe('请选择一个志愿队伍');
    expect(save).not.toHaveBeenCalled();

    await tap(wrapper, '银发助老队');
    await submit(wrapper);
    expect(save.mock.calls).toEqual([[{ teamId: candidates.TEAM[0].id }]]);
  });

  it('shows what the service refused, in Chinese, and stays open', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError('该服务商不提供此类服务或不服务本社区', 409));
    const wrapper = form(save);
    await tap(wrapper, '服务商');
    await tap(wrapper, '安心家政');
    await submit(wrapper);
    expect(wrapper.find('.dispatch-error').text()).toBe('该服务商不提供此类服务或不服务本社区');
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('names a candidates list that could not be loaded instead of showing it empty', async () => {
    const wrapper = form(vi.fn(), { VOLUNTEER: '无权操作：超出您的职责范围' });
    await tap(wrapper, '志愿者');
    expect(wrapper.find('.dispatch-candidates-error').text()).toContain('无权操作');
  });
});
