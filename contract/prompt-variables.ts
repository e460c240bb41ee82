/**
 * The input variables a template text uses, for f-string (`{name}`, `{{` escapes) and jinja2
 * (`{{ name }}`, `{% if name %}`, `{% for x in name %}`). Shared by the server (publish) and the
 * dashboard's version form. Pure: no imports.
 */
export type TemplateFormat = 'f-string' | 'jinja2';

const F_STRING_FIELD = /\{\{|\}\}|\{([^{}]*)\}/g;
const JINJA_EXPRESSION = /\{\{-?\s*([A-Za-z_]\w*)/g;
const JINJA_STATEMENT = /\{%-?\s*(?:if|elif|for\s+[\w\s,]+?\s+in)\s+(?:not\s+)?([A-Za-z_]\w*)/g;
const JINJA_LOOP_TARGET = /\{%-?\s*for\s+([\w\s,]+?)\s+in\s/g;
const JINJA_SET_TARGET = /\{%-?\s*set\s+([A-Za-z_]\w*)/g;
const JINJA_KEYWORDS = new Set([
  'loop',
  'range',
  'true',
  'false',
  'none',
  'True',
  'False',
  'None',
  'cycler',
  'joiner',
]);

/** `{user.name}`, `{items[0]}`, `{x:>10}`, `{x!r}` all use the variable before `.`/`[`/`:`/`!`. */
export function fStringFieldName(field: string): string {
  return field.split(/[.[:!]/, 1)[0]?.trim() ?? '';
}

export function detectVariables(text: string, format: TemplateFormat): string[] {
  const found = new Set<string>();
  if (format === 'f-string') {
    for (const match of text.matchAll(F_STRING_FIELD)) {
      const name = match[1] === undefined ? '' : fStringFieldName(match[1]);
      if (/^[A-Za-z_]\w*$/.test(name)) found.add(name);
    }
    return [...found];
  }
  const local = new Set<string>();
  for (const match of text.matchAll(JINJA_LOOP_TARGET))
    for (const n of (match[1] ?? '').split(',')) local.add(n.trim());
  for (const match of text.matchAll(JINJA_SET_TARGET)) local.add(match[1] ?? '');
  for (const pattern of [JINJA_EXPRESSION, JINJA_STATEMENT]) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1] ?? '';
      if (!JINJA_KEYWORDS.has(name) && !local.has(name)) found.add(name);
    }
  }
  return [...found];
}
