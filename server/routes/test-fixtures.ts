/**
 * The PromptLayer fixtures live outside the repository, in ../shared/fixtures beside a checkout
 * (CI clones the repo with shared/ next to it).
 */
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../shared/fixtures/promptlayer/', import.meta.url);

export function readFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}
