/** Page object for the requests screen: finds things by role and accessible name. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export class RequestsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Requests', exact: true });
    this.rows = this.table.locator('tbody tr');
    this.search = page.getByLabel('Search requests');
  }

  /** Ids of the rendered rows, top to bottom. */
  async rowIds(): Promise<number[]> {
    const ids = await this.rows.evaluateAll((rows) =>
      rows
        .map((row) => ({ id: Number(row.getAttribute('data-row-id')), top: row.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.id),
    );
    return ids;
  }

  /** Waits until the rendered rows are exactly these ids, in order. */
  async expectRowIds(ids: number[]): Promise<void> {
    await expect.poll(() => this.rowIds(), { timeout: 20_000 }).toEqual(ids);
  }

  async expectCountText(count: number): Promise<void> {
    await expect(this.page.locator('.result-count')).toHaveText(
      `${count.toLocaleString('en-US')} ${count === 1 ? 'request' : 'requests'}`,
    );
  }

  async toggleFacet(label: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await this.page.getByRole('checkbox', { name: value, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  /** The query string as a sorted list of [name, value], for order-insensitive comparison. */
  async urlParams(): Promise<[string, string][]> {
    const url = new URL(this.page.url());
    return [...url.searchParams].sort(([a, x], [b, y]) =>
      a === b ? x.localeCompare(y) : a.localeCompare(b),
    );
  }
}
