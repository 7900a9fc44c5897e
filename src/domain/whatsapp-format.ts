/**
 * The CSS API answers in Markdown; WhatsApp has a formatting of its own (`*bold*`, `_italic_`, `~strike~`,
 * ```` ``` ```` monospace) and shows everything else as typed. This turns one into the other so that a citizen reads
 * `*Montant*` in bold, a list with bullets and a link as a plain address, never `### Allocations` or
 * `**Montant**` or `[Formulaire](https://…)`. Markdown is parsed by `marked`'s lexer (a parser that knows nesting,
 * escapes and code); the rendering to WhatsApp is ours.
 */

import { Lexer, type Token, type Tokens } from 'marked';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00A0' };
const decode = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');

/** Markers WhatsApp reads: wrapping text already wrapped by the same marker would break it. */
const wrap = (marker: string, inner: string): string => {
  const text = inner.trim();
  if (text === '') return inner;
  const bare = text.startsWith(marker) && text.endsWith(marker) && text.length > 2 ? text.slice(1, -1) : text;
  return inner.replace(text, `${marker}${bare}${marker}`);
};

/** Inline HTML the CSS API may send: a line break stays one, any other tag goes. */
const html = (raw: string): string => (/^<br\s*\/?>$/i.test(raw.trim()) ? '\n' : decode(raw.replace(/<[^>]*>/g, '')));

function link(href: string, text: string): string {
  const address = href.replace(/^mailto:/i, '');
  const label = text.trim();
  return label === '' || label === href || label === address ? address : `${label} (${address})`;
}

function inline(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'strong':
      return wrap('*', inline((token as Tokens.Strong).tokens));
    case 'em':
      return wrap('_', inline((token as Tokens.Em).tokens));
    case 'del':
      return wrap('~', inline((token as Tokens.Del).tokens));
    case 'codespan':
      return decode((token as Tokens.Codespan).text);
    case 'link':
      return link((token as Tokens.Link).href, inline((token as Tokens.Link).tokens));
    case 'image':
      return link((token as Tokens.Image).href, (token as Tokens.Image).text);
    case 'br':
      return '\n';
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'html':
      return html((token as Tokens.HTML).raw);
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decode(text.text);
    }
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens as Token[]) : decode(token.raw);
  }
}

/** A bold line: the heading's own bold or italics would only add stray markers. */
const headingLine = (text: string): string => wrap('*', text.replace(/[*_~]/g, ''));

function list(token: Tokens.List, depth: number): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  const indent = '   '.repeat(depth);
  return token.items
    .map((item, index) => {
      const marker = token.ordered ? `${start + index}.` : depth === 0 ? '•' : '◦';
      const [first = '', ...rest] = blocks(item.tokens, depth + 1).split('\n');
      return [`${indent}${marker} ${first}`, ...rest].join('\n');
    })
    .join('\n');
}

function table(token: Tokens.Table): string {
  const cells = (row: readonly Tokens.TableCell[]) => row.map((cell) => inline(cell.tokens).trim());
  const header = cells(token.header);
  const rows = token.rows.map((row) => `• ${cells(row).join(' — ')}`);
  return [headingLine(header.join(' — ')), ...rows].join('\n');
}

function block(token: Token, depth: number): string {
  switch (token.type) {
    case 'heading':
      return headingLine(inline((token as Tokens.Heading).tokens));
    case 'paragraph':
      return inline((token as Tokens.Paragraph).tokens);
    case 'list':
      return list(token as Tokens.List, depth);
    case 'table':
      return table(token as Tokens.Table);
    case 'blockquote':
      return blocks((token as Tokens.Blockquote).tokens, depth)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'code':
      return `\`\`\`\n${(token as Tokens.Code).text}\n\`\`\``;
    case 'hr':
    case 'space':
      return '';
    case 'html':
      return html((token as Tokens.HTML).raw).trim();
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decode(text.text);
    }
    default:
      return inlineToken(token);
  }
}

function blocks(tokens: readonly Token[], depth: number): string {
  // Inside a list item, a loose item's paragraphs are separated by one line, not a blank one.
  const separator = depth === 0 ? '\n\n' : '\n';
  return tokens
    .map((token) => block(token, depth))
    .filter((text) => text.trim() !== '')
    .join(separator);
}

/**
 * WhatsApp formatting for a Markdown text: `**bold**` and `__bold__` → `*bold*`, `*italic*` → `_italic_`,
 * `~~struck~~` → `~struck~`, headings → bold lines, `-`/`*` lists → `•` (nested `◦`), numbered lists kept,
 * links → `text (address)` or the address alone, tables → a bold header line and one `•` line per row, code
 * blocks → ```` ``` ````, inline code and HTML tags → plain text, rules → a blank line. Plain text comes back as
 * it was (trimmed, at most one blank line in a row).
 *
 * @example
 * toWhatsApp('### Allocations\n\n**Montant** : voir [le barème](https://secusociale.sn/bareme).')
 * // '*Allocations*\n\n*Montant* : voir le barème (https://secusociale.sn/bareme).'
 */
export function toWhatsApp(markdown: string): string {
  const tokens = new Lexer({ gfm: true }).lex(markdown.replace(/\r\n?/g, '\n'));
  return blocks(tokens, 0)
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
