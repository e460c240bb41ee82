/**
 * Test helper process for sqlite-durability.test.ts: logs requests from 16 concurrent writers
 * and prints each id once its insert resolved ("acknowledged"), until it is killed.
 */
import { makeNewRequest } from '../../../testing/factories.ts';
import { openSqliteStore } from '../sqlite-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: durability-child.ts <db file>');
const store = await openSqliteStore(file);

async function writer(n: number): Promise<never> {
  for (let i = 0; ; i++) {
    const id = await store.insertRequest(
      makeNewRequest({
        tags: [`w${n}`],
        metadata: { writer: String(n), seq: String(i) },
        scores: { default: i % 101 },
      }),
    );
    process.stdout.write(`${id}\n`);
  }
}

await Promise.all(Array.from({ length: 16 }, (_, n) => writer(n)));
