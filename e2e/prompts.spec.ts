/**
 * The Prompts page: list, a template's versions, diff, creating a version through the form, and
 * "show requests" opening the table filtered. Screenshots go to $SHOTS_DIR when it is set.
 */
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';

const SHOTS = process.env.SHOTS_DIR;
const shot = (name: string, fullPage = false) => ({
  fullPage,
  ...(SHOTS ? { path: `${SHOTS}/prompts-${name}.png` } : {}),
});

function publishBody(name: string, text: string, labels: string[] = [], commit = 'edit') {
  const version = {
    prompt_name: name,
    prompt_template: {
      type: 'chat',
      messages: [
        { role: 'system', content: 'You help with {topic}.' },
        { role: 'user', content: text },
      ],
    },
    metadata: { model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.2 } } },
    commit_message: commit,
  };
  return { prompt_template: version, prompt_version: version, release_labels: labels };
}

test('list, versions, diff, new version, show requests', async ({ page, server }) => {
  await server.api('/rest/prompt-templates', {
    method: 'POST',
    body: publishBody('support/triage', 'Classify: {ticket}', ['prod'], 'first'),
  });
  await server.api('/rest/prompt-templates', {
    method: 'POST',
    body: publishBody('support/triage', 'Classify this ticket: {ticket}\nAnswer in one word.', ['staging']),
  });
  await server.api('/rest/prompt-templates', {
    method: 'POST',
    body: publishBody('welcome-email', 'Write a welcome for {name}'),
  });
  await server.log({
    ...chatBody('Classify: printer broken', 'hardware'),
    prompt_name: 'support/triage',
    prompt_version_number: 1,
  } as never);
  await server.log({
    ...chatBody('Classify: screen flickers', 'hardware'),
    prompt_name: 'support/triage',
    prompt_version_number: 2,
  } as never);
  await server.log(chatBody('unrelated question', 'unrelated answer'));

  await page.goto(server.signInUrl('/prompts'));
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'support/triage' })).toBeVisible();
  await expect(table.getByRole('row', { name: /support\/triage/ })).toContainText('prod → v1');
  await expect(table.getByRole('row', { name: /support\/triage/ })).toContainText('staging → v2');
  await page.screenshot(shot('list'));

  await table.getByRole('link', { name: 'support/triage' }).click();
  await expect(page).toHaveURL(/\/prompts\?name=support%2Ftriage/);
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await expect(page.getByText('Classify this ticket: {ticket}')).toBeVisible();

  await page.getByRole('article', { name: 'Version 2' }).getByLabel('Compare').check();
  await page.getByRole('article', { name: 'Version 1' }).getByLabel('Compare').check();
  const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff).toContainText('added: Answer in one word.');
  await expect(diff).toContainText('removed: Classify: {ticket}');
  await page.screenshot(shot('diff', true));
  // The diff is in the URL: a reload shows it again.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Changes from version 1 to version 2' })).toBeVisible();

  await page.getByRole('button', { name: 'New version' }).click();
  const form = page.getByRole('form', { name: 'New version of support/triage' });
  await form.getByLabel('Text of message 2').fill('Route {ticket} for {team}');
  await expect(form.getByText('Input variables:')).toContainText('topic');
  await expect(form.getByText('Input variables:')).toContainText('team');
  await form.getByLabel('Release labels (comma-separated)').fill('prod');
  await page.screenshot(shot('form', true));
  await form.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 3' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Version 3' })).toContainText('prod');
  const fetched = await server.api<{ version: number }>('/prompt-templates/support%2Ftriage', {
    method: 'POST',
    body: { label: 'prod' },
  });
  expect(fetched.body.version).toBe(3);

  await page.getByRole('link', { name: 'Show requests', exact: true }).click();
  await expect(page).toHaveURL(/\/\?prompt=support%2Ftriage$/);
  const requests = page.getByRole('table', { name: 'Requests' });
  await expect(requests.locator('tbody tr')).toHaveCount(2);

  // One version's requests: the template and the version, as removable filter chips.
  await page.goBack();
  await page.getByRole('link', { name: 'Show requests of version 1' }).click();
  await expect(page).toHaveURL(/\/\?prompt=support%2Ftriage&prompt_version=1$/);
  await expect(requests.locator('tbody tr')).toHaveCount(1);
  await expect(requests).toContainText('printer broken');
  await expect(page.getByText('Prompt version: 1')).toBeVisible();
  await page.screenshot(shot('requests-of-version'));
});

test('empty registry, dark theme, narrow window', async ({ page, server }) => {
  await page.goto(server.signInUrl('/prompts'));
  await expect(page.getByText('No prompt templates yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot(shot('empty-dark-800'));
  await server.api('/rest/prompt-templates', {
    method: 'POST',
    body: publishBody(
      `a-very-long-template-name-${'x'.repeat(120)}`,
      `Long text ${'lorem ipsum '.repeat(200)}`,
    ),
  });
  await page.reload();
  await page.getByRole('link', { name: /a-very-long-template-name/ }).click();
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await page.screenshot(shot('long-dark-800', true));
});

test.describe('errors', () => {
  test.use({ allowedConsoleErrors: [/404/] });

  test('an unknown template shows the error; bad parameters are refused in the form', async ({
    page,
    server,
  }) => {
    await page.goto(server.signInUrl('/prompts?name=missing'));
    await expect(page.getByRole('alert')).toContainText("Prompt template 'missing' not found");
    await page.screenshot(shot('error'));
    await page.goto(server.pageUrl('/prompts?new=1'));
    const form = page.getByRole('form', { name: 'New prompt template' });
    await form.getByLabel('Name', { exact: true }).fill('fresh');
    await form.getByLabel('Parameters (JSON)').fill('[1');
    await form.getByRole('button', { name: 'Save version' }).click();
    await expect(form.getByRole('alert')).toContainText('Parameters must be a JSON object');
    await form.getByLabel('Parameters (JSON)').fill('{"temperature": 1}');
    await form.getByRole('button', { name: 'Save version' }).click();
    await expect(page).toHaveURL(/\/prompts\?name=fresh$/);
    await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  });
});
