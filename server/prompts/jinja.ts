/**
 * jinja2 templates through nunjucks, locked down. nunjucks is not a sandbox by itself: member
 * lookups reach any property (`"".constructor.constructor(…)` runs code) and `range` can loop
 * for ever. So, for the whole process: lookups see only own data properties of plain values, and
 * each render may iterate a bounded number of times. No loader: include/import/extends fail.
 */
import nunjucks from 'nunjucks';

const MAX_COMPILED = 512;
/** Loop iterations `range()` may produce in one render. */
export const RANGE_BUDGET = 100_000;

function safeMemberLookup(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined || typeof obj === 'function') return undefined;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  const name = String(key);
  if (typeof obj === 'string' || Array.isArray(obj)) {
    return name === 'length' || /^\d+$/.test(name)
      ? (obj as unknown as Record<string, unknown>)[name]
      : undefined;
  }
  if (typeof obj !== 'object' || !Object.hasOwn(obj, name)) return undefined;
  const value = (obj as Record<string, unknown>)[name];
  return typeof value === 'function' ? undefined : value;
}

type ContextLookup = (context: unknown, frame: unknown, name: string) => unknown;
const runtime = nunjucks.runtime as unknown as {
  memberLookup: typeof safeMemberLookup;
  contextOrFrameLookup: ContextLookup;
};
runtime.memberLookup = safeMemberLookup;
const contextLookup = runtime.contextOrFrameLookup;
// Names like `constructor`, `__proto__` or `toString` would reach Object.prototype through the context.
runtime.contextOrFrameLookup = (context, frame, name) =>
  name in Object.prototype ? undefined : contextLookup(context, frame, name);

let rangeLeft = RANGE_BUDGET;

function boundedRange(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, Number(start)] : [Number(start), Number(stop)];
  const by = Number(step) || 1;
  const count = Math.max(0, Math.ceil((to - from) / by));
  if (!Number.isFinite(count) || count > rangeLeft) throw new Error('range(): too many iterations');
  rangeLeft -= count;
  return Array.from({ length: count }, (_, i) => from + i * by);
}

const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
environment.addGlobal('range', boundedRange);

const compiled = new Map<string, nunjucks.Template>();

function compile(source: string): nunjucks.Template {
  let template = compiled.get(source);
  if (!template) {
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    template = nunjucks.compile(source, environment);
    compiled.set(source, template);
  }
  return template;
}

/** Undefined variables render as ""; throws when the template does not parse or exceeds its budget. */
export function renderJinja(source: string, variables: Record<string, unknown>): string {
  rangeLeft = RANGE_BUDGET;
  // A null-prototype copy: lookups of names the caller did not pass cannot reach Object.prototype.
  return compile(source).render(Object.assign(Object.create(null), variables));
}
