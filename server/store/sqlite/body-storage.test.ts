import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import { openDatabase } from './open-database.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-bodies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stores typical bodies compressed and still reads bodies written as text before', async () => {
  const file = join(dir, 'bodies.db');
  const store = await openSqliteStore(file);
  const question = `Plan a trip to Paris. ${'Say where to eat and what to see. '.repeat(10)}`;
  const request = makeNewRequest({
    input: { type: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text: question }] }] },
    parameters: { temperature: 0.2, note: 'x'.repeat(400) },
  });
  const [compressed, legacy] = await store.insertRequests([request, request]);
  await store.close();

  const db = openDatabase(file);
  const types = (id: number | undefined) =>
    db
      .prepare('SELECT typeof(input) AS i, typeof(parameters) AS p FROM request_bodies WHERE request_id = ?')
      .get(id);
  expect(types(compressed)).toEqual({ i: 'blob', p: 'blob' });
  // As an older version wrote it.
  db.prepare('UPDATE request_bodies SET input = ?, parameters = ? WHERE request_id = ?').run(
    JSON.stringify(request.input),
    JSON.stringify(request.parameters),
    legacy,
  );
  expect(types(legacy)).toEqual({ i: 'text', p: 'text' });
  db.close();

  const reopened = await openSqliteStore(file);
  for (const id of [compressed, legacy]) {
    const detail = await reopened.getRequest(id as number);
    expect(detail?.input).toEqual(request.input);
    expect(detail?.parameters).toEqual(request.parameters);
  }
  await reopened.close();
});
