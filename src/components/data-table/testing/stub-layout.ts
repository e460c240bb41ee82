/** Tests only: jsdom has no layout; give every element a 360 px tall box so the virtualizer has a viewport. */
import { vi } from 'vitest';

export function stubLayout(): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 360,
    right: 1000,
    width: 1000,
    height: 360,
    toJSON: () => ({}),
  } as DOMRect);
  for (const [name, value] of [
    ['offsetHeight', 360],
    ['offsetWidth', 1000],
    ['clientHeight', 360],
    ['clientWidth', 1000],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  HTMLElement.prototype.scrollTo ??= () => {};
}
