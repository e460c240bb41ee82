/** The table's short previews of a request's input and output, computed once at ingest. */

const PREVIEW_CHARS = 200;

function clip(text: string): string {
  // Only the head matters; never scan a multi-megabyte text for a 200-character preview.
  const flat = text
    .slice(0, PREVIEW_CHARS * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= PREVIEW_CHARS ? flat : `${flat.slice(0, PREVIEW_CHARS - 1)}…`;
}

/**
 * The input preview shows what the user asked (the last "[user]: " message), not the system
 * prompt every request of an app shares; without a user message, the start of the input text.
 */
export function inputPreview(inputText: string): string {
  const at = inputText.lastIndexOf('\n[user]: ') + 1 || (inputText.startsWith('[user]: ') ? 0 : -1);
  return clip(at >= 0 ? inputText.slice(at + '[user]: '.length) : inputText);
}

export function outputPreview(outputText: string): string {
  return clip(outputText);
}
