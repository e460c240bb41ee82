/**
 * Renders a stored prompt template with input variables, as PromptLayer does: each message's
 * `template_format` (default f-string) over its text blocks; a missing or null variable renders
 * as "" (never an error); a template that fails to render stays as it was. Problems are returned
 * as warnings for the response's `warning`.
 */
import { detectVariables, fStringFieldName, type TemplateFormat } from '../../contract/prompt-variables.ts';
import { renderJinja } from './jinja.ts';

type Template = Record<string, unknown>;
type Variables = Record<string, unknown>;

function formatOf(value: unknown): TemplateFormat {
  return value === 'jinja2' ? 'jinja2' : 'f-string';
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

/** Python str.format without the format spec mini-language: `{x}`, `{x.y}`, `{x[0]}`, `{{`. */
function renderFString(text: string, variables: Variables, missing: Set<string>): string {
  return text.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, field: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const name = fStringFieldName(field ?? '');
    if (!Object.hasOwn(variables, name) || variables[name] === null) {
      missing.add(name);
      return '';
    }
    let value: unknown = variables[name];
    for (const step of (field ?? '')
      .slice(name.length)
      .split(/[:!]/, 1)[0]
      ?.match(/\.(\w+)|\[(\w+)\]/g) ?? []) {
      const key = step.replace(/^\.|^\[|\]$/g, '');
      value =
        typeof value === 'object' && value !== null && Object.hasOwn(value, key)
          ? (value as Variables)[key]
          : undefined;
    }
    return display(value);
  });
}

export interface RenderContext {
  variables: Variables;
  missing: Set<string>;
  failures: string[];
}

export function renderText(text: string, format: TemplateFormat, context: RenderContext): string {
  if (format === 'f-string') return renderFString(text, context.variables, context.missing);
  for (const name of detectVariables(text, 'jinja2')) {
    if (context.variables[name] === undefined || context.variables[name] === null) context.missing.add(name);
  }
  try {
    return renderJinja(text, context.variables);
  } catch (error) {
    context.failures.push(
      error instanceof Error ? (error.message.split('\n').at(-1)?.trim() ?? 'error') : String(error),
    );
    return text;
  }
}

function renderBlocks(content: unknown, format: TemplateFormat, context: RenderContext): unknown {
  if (typeof content === 'string') return renderText(content, format, context);
  if (!Array.isArray(content)) return content;
  return content.map((block) => {
    if (typeof block !== 'object' || block === null) return block;
    const b = block as Record<string, unknown>;
    return b.type === 'text' && typeof b.text === 'string'
      ? { ...b, text: renderText(b.text, format, context) }
      : b;
  });
}

export interface RenderResult {
  template: Template;
  warning: string | null;
}

export function renderPromptTemplate(template: Template, variables: Variables): RenderResult {
  const context: RenderContext = { variables, missing: new Set(), failures: [] };
  let rendered: Template;
  if (template.type === 'completion') {
    rendered = {
      ...template,
      content: renderBlocks(template.content, formatOf(template.template_format), context),
    };
  } else {
    const messages = Array.isArray(template.messages) ? template.messages : [];
    rendered = {
      ...template,
      messages: messages.map((message) => {
        if (typeof message !== 'object' || message === null) return message;
        const m = message as Record<string, unknown>;
        return { ...m, content: renderBlocks(m.content, formatOf(m.template_format), context) };
      }),
    };
  }
  const warnings: string[] = [];
  if (context.missing.size > 0)
    warnings.push(`Missing input variables rendered empty: ${[...context.missing].join(', ')}`);
  for (const failure of context.failures) warnings.push(`A jinja2 template was left unrendered: ${failure}`);
  return { template: rendered, warning: warnings.length > 0 ? warnings.join('. ') : null };
}

function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block) => {
    const b = block as Record<string, unknown> | null;
    return b?.type === 'text' && typeof b.text === 'string' ? [b.text] : [];
  });
}

/**
 * Adds `input_variables` (every variable the template's texts use) to the template and to each
 * message, as PromptLayer's blueprints carry them.
 */
export function withInputVariables(template: Template): Template {
  const all = new Set<string>();
  const collect = (texts: string[], format: TemplateFormat): string[] => {
    const found = [...new Set(texts.flatMap((text) => detectVariables(text, format)))];
    for (const name of found) all.add(name);
    return found;
  };
  if (template.type === 'completion') {
    collect(textsOf(template.content), formatOf(template.template_format));
    return { ...template, input_variables: [...all] };
  }
  const messages = (Array.isArray(template.messages) ? template.messages : []).map((message) => {
    const m = message as Record<string, unknown>;
    const format = formatOf(m.template_format);
    return { ...m, template_format: format, input_variables: collect(textsOf(m.content), format) };
  });
  return { ...template, messages, input_variables: [...all] };
}
