/** A line diff (longest common subsequence) of two texts; bounded so that a huge pair stays cheap. */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

export const DIFF_MAX_LINES = 2000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n').slice(0, DIFF_MAX_LINES);
  const b = after.split('\n').slice(0, DIFF_MAX_LINES);
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lengths[i] as Uint16Array;
    const below = lengths[i + 1] as Uint16Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if (
      ((lengths[i + 1] as Uint16Array)[j] as number) >= ((lengths[i] as Uint16Array)[j + 1] as number)
    ) {
      out.push({ kind: 'removed', text: a[i++] as string });
    } else out.push({ kind: 'added', text: b[j++] as string });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] as string });
  while (j < b.length) out.push({ kind: 'added', text: b[j++] as string });
  return out;
}

/** A version as diffable text: each message as `[role]` then its text, then model and parameters. */
export function versionText(template: Record<string, unknown>, metadata: Record<string, unknown>): string {
  const lines: string[] = [];
  const blocksText = (content: unknown): string[] =>
    (Array.isArray(content) ? content : [content]).map((block) => {
      const b = block as Record<string, unknown> | null;
      if (typeof block === 'string') return block;
      return b?.type === 'text' && typeof b.text === 'string' ? b.text : JSON.stringify(block);
    });
  if (template.type === 'completion') lines.push('[completion]', ...blocksText(template.content));
  for (const message of Array.isArray(template.messages) ? template.messages : []) {
    const m = message as Record<string, unknown>;
    lines.push(`[${String(m.role)}]`, ...blocksText(m.content ?? ''));
  }
  if (Array.isArray(template.tools) && template.tools.length > 0)
    lines.push('[tools]', JSON.stringify(template.tools, null, 2));
  lines.push('[model]', JSON.stringify(metadata.model ?? null, null, 2));
  return lines.join('\n');
}
