// Plain text out of tldraw's rich text (`props.richText` of notes, text and geo shapes): a TipTap /
// ProseMirror JSON document. The content came from a browser, so it is walked as `unknown` with a
// depth and size bound, and anything that is not a text node or a line break contributes nothing.

/** Deeper nesting than this is not something tldraw's editor produces. */
const maxDepth = 32;

/** Block nodes whose content ends a line. */
const blocks = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document's text, one line per paragraph (or list item, heading …), hard breaks kept, blank
 * lines and surrounding whitespace dropped, cut at `maxLength` characters.
 */
export function richTextToPlain(doc: unknown, maxLength = 2000): string {
  const lines: string[] = [];
  let line = '';
  let budget = maxLength * 2;
  const endLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > maxDepth || budget <= 0) return;
    if (node.type === 'text' && typeof node.text === 'string') {
      line += node.text.slice(0, budget);
      budget -= node.text.length;
      return;
    }
    if (node.type === 'hardBreak') return endLine();
    if (Array.isArray(node.content)) for (const child of node.content) walk(child, depth + 1);
    if (typeof node.type === 'string' && blocks.has(node.type)) endLine();
  };
  walk(doc, 0);
  endLine();
  const text = lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
