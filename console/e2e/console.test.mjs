// The web workbench against the real local stack (deploy/local/up.sh): Keycloak's login page, the four services,
// Kafka and PostgreSQL. Each test leaves a screenshot of its screen in target/e2e-screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { api, launch, loginAs, screenshot } from './browser.mjs';

const registry = 'http://localhost:8081/api/v1';
const visit = 'http://localhost:8082/api/v1';
const alerts = 'http://localhost:8083/api/v1';
const volunteering = 'http://localhost:8084/api/v1';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function cadreIn(query) {
  const page = await api('district-admin', `${registry}/cadres?status=ACTIVE&size=1&${query}`);
  assert.ok(page.items.length, `the demo data has an active cadre with ${query}`);
  return page.items[0];
}

/** Polls what an earlier step started asynchronously (Kafka in between) until it holds. */
async function eventually(what, probe) {
  for (let i = 0; i < 120; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`never happened: ${what}`);
}

async function mustVisitTaskFor(cadre) {
  await api('district-admin', `${alerts}/signals`, { method: 'POST', body: JSON.stringify({
    signalId: randomUUID(), cadreId: cadre.id, kind: 'HARDSHIP', details: '浏览器测试' }) });
  return eventually(`a must-visit task for ${cadre.communityCode}`, async () => {
    const tasks = await api('district-admin', `${visit}/tasks?cadreId=${cadre.id}&status=OPEN&layer=COMMUNITY`);
    return tasks.items[0];
  });
}

/** A cadre with no alert in progress, so a new signal raises a new alert and new tasks (a repeat run of the suite
 * on the same stack would otherwise join the alert of the previous run). */
async function cadreWithoutAlertIn(communityCode) {
  const page = await api('district-admin', `${registry}/cadres?status=ACTIVE&size=200&communityCode=${communityCode}`);
  for (const cadre of page.items) {
    const busy = await Promise.all(['OPEN', 'ACKNOWLEDGED'].map((status) =>
      api('district-admin', `${alerts}/alerts?cadreId=${cadre.id}&status=${status}&size=1`)));
    if (busy.every((p) => p.total === 0)) return cadre;
  }
  throw new Error(`every cadre of ${communityCode} has an alert in progress: reset the stack (rm -rf deploy/local/.run/data)`);
}

describe('我的任务 as community-worker (SQ001)', () => {
  it('lists only SQ001 tasks, and a visit logged from a task in two taps turns it done', async () => {
    const mine = await cadreWithoutAlertIn('SQ001');
    const theirs = await cadreWithoutAlertIn('SQ002');
    const task = await mustVisitTaskFor(mine);
    await mustVisitTaskFor(theirs);

    const page = await loginAs(browser.context, 'community-worker', '#/tasks');
    const row = page.locator('.task-table .el-table__body tr', { hasText: mine.name }).first();
    await row.waitFor();
    const communities = await page.locator('.task-table .el-table__body td.task-community').allInnerTexts();
    assert.ok(communities.length > 0);
    assert.deepEqual([...new Set(communities.map((c) => c.trim()))], ['SQ001']);
    assert.equal(await page.locator('.task-table .el-table__body tr', { hasText: theirs.name }).count(), 0);
    await screenshot(page, '01-tasks-community-worker');

    await page.locator(`.task-table .el-table__body tr.task-${task.id} .task-visit`).click();   // tap 1
    await page.locator('.visit-form').waitFor();
    await screenshot(page, '02-visit-form');
    await page.locator('.visit-submit').click();               // tap 2
    await page.locator('.el-message--success', { hasText: '走访已登记' }).waitFor();

    const done = await api('district-admin', `${visit}/tasks/${task.id}`);
    assert.equal(done.status, 'DONE');
    await page.locator('.el-radio-button', { hasText: '已完成' }).click();
    await page.locator(`.task-table .el-table__body tr.task-${task.id}`, { hasText: '已完成' }).waitFor();
    await screenshot(page, '03-task-done');
    await page.close();
  });
});

describe('数据看板 as district-admin', () => {
  it('renders the charts with the demo district numbers', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const stats = await api('district-admin', `${registry}/statistics/cadres?asOf=${today}`);
    assert.ok(stats.total > 0);
    const page = await loginAs(browser.context, 'district-admin', '#/dashboard');
    for (const chart of ['rank', 'age', 'retirement', 'party', 'community', 'alerts']) {
      await page.locator(`.chart-${chart} canvas`).waitFor();
    }
    await page.locator('.figure-total', { hasText: String(stats.total) }).waitFor();
    const share = (Math.round(stats.aged70PlusShare * 1000) / 10).toString();
    assert.ok((await page.locator('.figure-70plus').innerText()).includes(share));
    await screenshot(page, '04-dashboard');

    for (const [route, ready, name] of [['#/coverage', '.coverage-summary', '05-coverage'], ['#/alerts', '.alert-board', '06-alerts'],
      ['#/cadres', '.cadre-table', '07-cadres'], ['#/volunteering', '.post-table', '08-volunteering']]) {
      await page.goto(new URL(route, page.url()).href);
      await page.locator(ready).waitFor();
      await screenshot(page, name);
    }
    await page.close();
  });

  it('shows which service is down and keeps the others working', async () => {
    const page = await loginAs(browser.context, 'district-admin', '');
    await page.route('http://localhost:8083/**', (route) => route.abort('connectionrefused'));
    await page.goto(new URL('#/dashboard', page.url()).href);
    await page.locator('.load-error', { hasText: '预警服务暂不可用' }).waitFor();
    await page.locator('.chart-rank canvas').waitFor();
    await screenshot(page, '09-dashboard-alert-service-down');
    await page.close();
  });
});

describe('数据看板 as city-admin (黄冈市)', () => {
  it('switches from 全市 to one district (团风县) and back, each with the registry\'s numbers', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const [city, tuanfeng] = await Promise.all(['', '&districtCode=421121'].map((filter) =>
      api('city-admin', `${registry}/statistics/cadres?asOf=${today}${filter}`)));
    assert.ok(tuanfeng.total > 0 && tuanfeng.total < city.total, 'the demo city has cadres in both districts');
    assert.equal(tuanfeng.total, city.byDistrict['421121']);

    const page = await loginAs(browser.context, 'city-admin', '#/dashboard');
    await page.locator('.dashboard-scope', { hasText: '全市' }).waitFor();
    await page.locator('.figure-total', { hasText: String(city.total) }).waitFor();
    // 按区县: one row per district with its cadres, from the byDistrict of the same answers
    for (const [code, name] of [['421102', '黄州区'], ['421121', '团风县']]) {
      const row = page.locator(`.dashboard-districts .district-row-${code}`);
      await row.locator('.district-link', { hasText: name }).waitFor();
      assert.equal((await row.locator('.district-cadres').innerText()).trim(), String(city.byDistrict[code]));
    }
    await page.locator('.chart-district canvas').waitFor();

    await page.locator('.district-select').click();
    await page.locator('.el-select-dropdown__item', { hasText: '团风县' }).click();
    await page.locator('.dashboard-scope', { hasText: '团风县' }).waitFor();
    await page.locator('.figure-total', { hasText: String(tuanfeng.total) }).waitFor();
    const share = (Math.round(tuanfeng.aged70PlusShare * 1000) / 10).toString();
    assert.ok((await page.locator('.figure-70plus').innerText()).includes(share));
    assert.equal(await page.locator('.dashboard-districts').count(), 0, 'one district has no 按区县 table');
    await page.locator('.chart-alerts canvas').waitFor();
    await page.waitForTimeout(1200); // the charts animate to the district's figures (ECharts, 1 s)
    await screenshot(page, '22-dashboard-district-421121');

    // the choice follows the admin to 不漏一人: that district's coverage only
    const coverage = await api('city-admin', `${visit}/coverage?on=${today}&districtCode=421121&size=1`);
    await page.goto(new URL('#/coverage', page.url()).href);
    await page.locator('.coverage-scope', { hasText: '团风县' }).waitFor();
    await page.locator('.coverage-cadres', { hasText: String(coverage.cadres) }).waitFor();

    await page.goto(new URL('#/dashboard', page.url()).href);
    await page.locator('.district-select').click();
    await page.locator('.el-select-dropdown__item', { hasText: '全市' }).click();
    await page.locator('.dashboard-scope', { hasText: '全市' }).waitFor();
    await page.locator('.figure-total', { hasText: String(city.total) }).waitFor();
    await page.locator('.dashboard-districts .district-row-421121').waitFor();
    await page.waitForTimeout(1200);
    await screenshot(page, '23-dashboard-city');
    await page.close();
  });
});

describe('志愿 service records and hours', () => {
  const elderHelpPost = async () => {
    const posts = await api('community-worker', `${volunteering}/posts?communityCode=SQ001&size=100`);
    const post = posts.items.find((p) => p.title === '助老服务岗（上门帮办）');
    assert.ok(post, 'the demo post of SQ001');
    return post;
  };

  it('community-worker records a volunteer\'s service, verifies it, and the hours reach the time bank', async () => {
    const post = await elderHelpPost();
    const helper = (await api('community-worker', `${volunteering}/volunteers?communityCode=SQ001&q=赵晓燕`)).items[0];
    const before = await api('community-worker', `${volunteering}/volunteers/${helper.id}/hours`);
    const description = `浏览器测试 ${randomUUID().slice(0, 8)}`;

    const page = await loginAs(browser.context, 'community-worker', '#/volunteering');
    await page.locator('.record-table').waitFor();
    await page.locator('.record-new').click();
    const dialog = page.locator('.el-dialog', { has: page.locator('.record-form') });
    const choose = async (select, text) => {
      await dialog.locator(`.${select}`).click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: text }).click();
    };
    await choose('record-volunteer', '赵晓燕');
    await choose('record-post', post.title);
    await dialog.locator('.record-hours input').fill('2');
    await dialog.locator('.record-description textarea').fill(description);
    await screenshot(page, '24-service-record-form');
    await dialog.locator('.record-submit').click();
    await page.locator('.el-message--success', { hasText: '服务记录已登记' }).waitFor();

    const row = page.locator('.record-table .el-table__body tr', { hasText: description });
    await row.locator('.record-state', { hasText: '待审核' }).waitFor();
    await row.locator('.record-verify').click();
    await row.locator('.record-state', { hasText: '已审核' }).waitFor();
    const after = await api('community-worker', `${volunteering}/volunteers/${helper.id}/hours`);
    assert.equal(Number(after.balance), Number(before.balance) + 2);

    await row.locator('.record-volunteer-link').click();
    await page.locator('.hours-drawer .hours-balance', { hasText: Number(after.balance).toFixed(2) }).waitFor();
    await screenshot(page, '25-volunteer-hours');
    await page.close();
  });

  it('a volunteer sees its own hours and records its own service for a post it claimed', async () => {
    const post = await elderHelpPost();
    // The demo volunteer login (刘桂芳) is linked by its first claim; the fixed id makes a repeat run a harmless retry.
    await api('volunteer', `${volunteering}/posts/${post.id}/claims`, { method: 'POST', body: JSON.stringify({
      id: '0c1a1e2e-0000-4000-8000-00000000e2e1', volunteerName: '刘桂芳', phone: '13953100409' }) });
    const me = await api('volunteer', `${volunteering}/volunteers/me`);
    const hours = await api('volunteer', `${volunteering}/volunteers/${me.id}/hours`);

    const page = await loginAs(browser.context, 'volunteer', '#/volunteering');
    await page.locator('.my-name', { hasText: me.name }).waitFor();
    await page.locator('.my-hours .hours-balance', { hasText: Number(hours.balance).toFixed(2) }).waitFor();
    await page.locator('.record-new').click();
    const dialog = page.locator('.el-dialog', { has: page.locator('.record-form') });
    assert.equal(await dialog.locator('.record-volunteer').count(), 0, 'a volunteer records only its own service');
    await dialog.locator('.record-post').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: post.title }).click();
    const description = `本人登记 ${randomUUID().slice(0, 8)}`;
    await dialog.locator('.record-description textarea').fill(description);
    await dialog.locator('.record-submit').click();
    await page.locator('.record-table .el-table__body tr', { hasText: description }).locator('.record-state', { hasText: '待审核' }).waitFor();
    const mine = await api('volunteer', `${volunteering}/service-records?volunteerId=${me.id}&status=PENDING&size=200`);
    assert.ok(mine.items.some((r) => r.description === description && r.postId === post.id));
    await screenshot(page, '26-my-volunteer-hours');
    await page.close();
  });
});

/** GB 11643 check character, so the imported rows are valid ID numbers. */
function idNumber(birth, male) {
  const body = `110101${birth.replaceAll('-', '')}${String(Math.floor(Math.random() * 400) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

describe('人员 import as district-admin', () => {
  it('imports a small file, the progress reaches 100% and the bad row is listed', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-import-')), '人员导入.csv');
    fs.writeFileSync(file, [
      '姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话',
      `测试甲,男,1940-03-05,${idNumber('1940-03-05', true)},离休,正县级,是,DW001,SQ001,SQ001-WG01,ALONE,FULL,,13800000001`,
      `测试乙,女,1948-07-09,${idNumber('1948-07-09', false)},退休,副科级,否,DW001,SQ001,SQ001-WG02,WITH_FAMILY,FULL,,13800000002`,
      '测试丙,女,1950-01-01,123,退休,副科级,否,DW001,SQ001,SQ001-WG02,WITH_FAMILY,FULL,,13800000003',
    ].join('\n'));
    const page = await loginAs(browser.context, 'district-admin', '#/cadres');
    await page.locator('.cadre-import input[type=file]').setInputFiles(file);
    await page.locator('.import-progress', { hasText: '100%' }).waitFor();
    assert.match(await page.locator('.import-job').innerText(), /成功 2，失败 1/);
    const errors = await page.locator('.import-errors .el-table__body tr').allInnerTexts();
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^4\s/);
    await screenshot(page, '10-import-done');
    await page.close();
  });
});

describe('人员 downloads as district-admin', () => {
  async function download(page, button) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    return { name: file.suggestedFilename(), book };
  }

  it('downloads the 80+ roster and the statistics as Excel files', async () => {
    const page = await loginAs(browser.context, 'district-admin', '#/cadres');
    await page.locator('.cadre-table').waitFor();
    const roster = await download(page, '.roster-download');
    assert.match(roster.name, /^高龄津贴名单-\d{4}-\d{2}\.xlsx$/);
    assert.ok(roster.book.worksheets[0].rowCount > 1, 'the demo district has cadres aged 80+');

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const stats = await api('district-admin', `${registry}/statistics/cadres?asOf=${today}`);
    const statistics = await download(page, '.statistics-download');
    assert.equal(statistics.name, `老干部统计表-${today}.xlsx`);
    assert.equal(statistics.book.getWorksheet('概况').getCell('B3').value, stats.total);
    assert.equal(statistics.book.getWorksheet('按离退休类型').getCell('B2').value, stats.byRetirementType.LIXIU ?? 0);
    await page.close();
  });
});

describe('人员 as grid-worker (SQ001-WG01)', () => {
  it('opens a cadre of its own grid but not one of another grid', async () => {
    const own = await cadreIn('gridCode=SQ001-WG01');
    const other = await cadreIn('gridCode=SQ001-WG02');
    const page = await loginAs(browser.context, 'grid-worker', `#/cadres/${own.id}`);
    await page.locator('.profile', { hasText: own.name }).waitFor();
    await page.goto(new URL(`#/cadres/${other.id}`, page.url()).href);
    await page.locator('.profile-error', { hasText: '未找到该记录，或不在您的管辖范围内' }).waitFor();
    assert.equal(await page.locator('.profile').count(), 0);
    await screenshot(page, '11-other-grid-refused');
    await page.close();
  });

  it('works on a phone screen: the menu folds into a drawer', async () => {
    const page = await loginAs(browser.context, 'grid-worker', '#/tasks');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.burger').click();
    await page.locator('.el-drawer .el-menu-item', { hasText: '不漏一人' }).click();
    await page.locator('.coverage-summary').waitFor();
    await screenshot(page, '12-phone-coverage');
    await page.close();
  });
});

describe('服务工单 as community-worker (SQ001)', () => {
  it('dispatches a new order to a volunteer of the community and shows it in the timeline', async () => {
    const cadre = await cadreIn('communityCode=SQ001');
    const details = `浏览器测试: 打扫卫生 ${randomUUID().slice(0, 8)}`;
    const order = await api('community-worker', `${volunteering}/service-requests`, { method: 'POST', body: JSON.stringify({
      id: randomUUID(), cadreId: cadre.id, serviceType: 'HOUSEKEEPING', details }) });
    const page = await loginAs(browser.context, 'community-worker', '#/service-requests');
    const row = page.locator(`.request-table .request-${order.id}`);
    await row.waitFor();
    assert.match(await row.innerText(), /待派单/);
    await row.click();
    await page.locator('.request-drawer .request-dispatch').click();
    await page.locator('.dispatch-kind label', { hasText: '志愿者' }).click();
    await page.locator('.dispatch-candidates .el-radio').first().click();
    await page.locator('.dispatch-submit').click();
    await page.locator('.request-timeline', { hasText: '派单 · 志愿者' }).waitFor();
    await page.locator(`.request-table .request-${order.id}`, { hasText: '已派单' }).waitFor();
    const dispatched = await api('community-worker', `${volunteering}/service-requests/${order.id}`);
    assert.equal(dispatched.status, 'DISPATCHED');
    assert.equal(dispatched.assigneeKind, 'VOLUNTEER');
    await screenshot(page, '20-service-order-dispatched');
    await page.close();
  });
});

describe('活动与课程 as community-worker (SQ001)', () => {
  it('opens the demo class with its sessions, their attendance and its enrolled cadres', async () => {
    const page = await loginAs(browser.context, 'community-worker', '#/activities');
    await page.locator('.activity-table tr', { hasText: '老年大学书法班' }).click();
    const drawer = page.locator('.activity-drawer');
    await drawer.locator('.activity-sessions').waitFor();
    assert.equal(await drawer.locator('.activity-sessions .session-recorded').count(), 4, 'four sessions held and recorded');
    await drawer.locator('.activity-enrolments .el-table__body tr').first().waitFor();
    assert.equal(await drawer.locator('.activity-enrolments .el-table__body tr').count(), 8, 'eight cadres enrolled');
    await screenshot(page, '21-activity-class');
    await page.close();
  });
});
