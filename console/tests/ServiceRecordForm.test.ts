import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ServiceRecordForm from '../src/components/ServiceRecordForm.vue';
import { ApiError } from '../src/api/problems';
import { today } from '../src/labels';

const posts = [
  { id: '5a000000-0000-4000-8000-000000000001', title: '助老服务岗（上门帮办）', communityCode: 'SQ001', category: 'ELDER_HELP' as const },
  { id: '5a000000-0000-4000-8000-000000000002', title: '平安巡逻岗', communityCode: 'SQ001', category: 'SECURITY_PATROL' as const },
];
const volunteers = [
  { id: '7a000000-0000-4000-8000-000000000001', name: '赵晓燕', hint: 'SQ001' },
  { id: '7a000000-0000-4000-8000-000000000002', name: '孙志强', hint: 'SQ001' },
];

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  document.body.innerHTML = '';
});

function form(save: (body: unknown) => Promise<unknown>, staff = true, communities = ['SQ001']) {
  mounted = mount(ServiceRecordForm, {
    props: { posts, volunteers: staff ? volunteers : undefined, communities, save }, attachTo: document.body,
  });
  return mounted;
}

/** Opens the select of class SELECT and taps the option the worker reads as TEXT. */
async function choose(wrapper: VueWrapper, select: string, text: string) {
  await wrapper.find(`.${select} .el-select__wrapper`).trigger('click');
  await flushPromises();
  const option = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    .find((o) => o.textContent?.trim() === text);
  expect(option, `an option ${text}`).toBeDefined();
  option!.click();
  await flushPromises();
}

async function hours(wrapper: VueWrapper, value: string) {
  const input = wrapper.find('.record-hours input');
  await input.setValue(value);
  await input.trigger('change');
  await input.trigger('blur');
}

const submit = async (wrapper: VueWrapper) => {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
};

describe('ServiceRecordForm', () => {
  it('sends a volunteer\'s service for a post: the post\'s category, today, the hours, one id', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save);
    await choose(wrapper, 'record-volunteer', '赵晓燕（SQ001）');
    await choose(wrapper, 'record-post', '助老服务岗（上门帮办）（SQ001）');
    await hours(wrapper, '2.5');
    await wrapper.find('.record-description textarea').setValue('陪同就医');
    await submit(wrapper);

    expect(save).toHaveBeenCalledTimes(1);
    const body = save.mock.calls[0][0];
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), volunteerId: volunteers[0].id, postId: posts[0].id, communityCode: undefined,
      serviceType: 'ELDER_HELP', servedOn: today(), hours: 2.5, peopleServed: 1, description: '陪同就医',
    });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('sends nothing until the staff member has named the volunteer, and says what is missing', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save);
    await choose(wrapper, 'record-post', '平安巡逻岗（SQ001）');
    await submit(wrapper);
    expect(save).not.toHaveBeenCalled();
    expect(wrapper.find('.record-error').text()).toContain('志愿者');
  });

  it('without a post needs the community and the category, and sends them instead of a post', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save, true, ['SQ001', 'SQ002']);
    await choose(wrapper, 'record-volunteer', '孙志强（SQ001）');
    await submit(wrapper);
    expect(save).not.toHaveBeenCalled();
    expect(wrapper.find('.record-error').text()).toContain('社区、服务类别');

    await choose(wrapper, 'record-community', 'SQ002');
    await choose(wrapper, 'record-category', '环境卫生');
    await submit(wrapper);
    expect(save.mock.calls[0][0]).toMatchObject({ volunteerId: volunteers[1].id, postId: undefined, communityCode: 'SQ002', serviceType: 'ENVIRONMENT' });
  });

  it('records a volunteer\'s own service without naming a volunteer', async () => {
    const save = vi.fn().mockResolvedValue({});
    const wrapper = form(save, false);
    expect(wrapper.find('.record-volunteer').exists()).toBe(false);
    await choose(wrapper, 'record-post', '平安巡逻岗（SQ001）');
    await submit(wrapper);
    expect(save.mock.calls[0][0]).toMatchObject({ volunteerId: undefined, postId: posts[1].id, serviceType: 'SECURITY_PATROL' });
  });

  it('names the field the service rejected in Chinese, stays open, and a retry sends the same id', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new ApiError('填写有误：hours must be at most 24', 400, [{ field: 'hours', message: 'must be at most 24' }]))
      .mockResolvedValueOnce({});
    const wrapper = form(save);
    await choose(wrapper, 'record-volunteer', '赵晓燕（SQ001）');
    await choose(wrapper, 'record-post', '平安巡逻岗（SQ001）');
    await submit(wrapper);
    expect(wrapper.find('.record-error').text()).toBe('填写有误：服务时长（must be at most 24）');
    expect(wrapper.emitted('saved')).toBeUndefined();

    await submit(wrapper);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1][0].id).toBe(save.mock.calls[0][0].id);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });
});
