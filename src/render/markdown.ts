/**
 * The small Markdown subset the shipped templates write (headings, paragraphs, - and 1. lists,
 * > quotes, | tables |, **bold**, ---), turned into a self-contained HTML page or plain text for
 * pasting into WeChat. HTML-escapes everything first, so no template or member name can inject markup.
 */
import { cleanForPeople } from '../core/shared/index.js';
import { displayWidth } from './table.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) =>
  escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\\\|/g, '|');
const STARTS_BLOCK = /^(#{1,6}\s|[-*]\s|\d+[.)]\s|\||-{3,}$)/;
const TABLE_SEP = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'p' | 'quote'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'hr' };

/** Split Markdown into blocks; blank lines end paragraphs, lists and quotes. */
export function blocks(md: string): Block[] {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const t = line.trim();
    const h = /^(#{1,6})\s+(.*)$/.exec(t);
    if (t === '') {
      i++;
      continue;
    }
    if (h) {
      out.push({ kind: 'h', level: h[1]!.length, text: h[2]! });
      i++;
      continue;
    }
    if (/^(-{3,}|\*{3,})$/.test(t)) {
      out.push({ kind: 'hr' });
      i++;
      continue;
    }
    if (t.startsWith('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]!.trim())) {
      const head = splitRow(t);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(splitRow(lines[i++]!));
      out.push({ kind: 'table', head, rows });
      continue;
    }
    const list = (re: RegExp, kind: 'ul' | 'ol') => {
      const items: string[] = [];
      while (i < lines.length && re.test(lines[i]!.trim())) items.push(lines[i++]!.trim().replace(re, ''));
      out.push({ kind, items });
    };
    if (/^[-*]\s+/.test(t)) {
      list(/^[-*]\s+/, 'ul');
      continue;
    }
    if (/^\d+[.)]\s+/.test(t)) {
      list(/^\d+[.)]\s+/, 'ol');
      continue;
    }
    const quote = t.startsWith('>');
    const para = [t.replace(/^>\s?/, '')];
    for (i++; i < lines.length; i++) {
      const u = lines[i]!.trim();
      if (u === '' || STARTS_BLOCK.test(u) || u.startsWith('>') !== quote) break;
      para.push(u.replace(/^>\s?/, ''));
    }
    const kind = quote ? 'quote' : 'p';
    out.push({ kind, lines: para });
  }
  return out;
}

const CSS = `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}th{background:#f4f4f4}
blockquote{border-left:4px solid #9c6;margin:.5em 0;padding:.2em 1em;background:#f7fbf2}h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #eee}`;

export function markdownToHtml(md: string, title: string, lang: string): string {
  const body = blocks(md)
    .map((b) => {
      switch (b.kind) {
        case 'h':
          return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
        case 'p':
          return `<p>${b.lines.map(inline).join('<br>\n')}</p>`;
        case 'quote':
          return `<blockquote><p>${b.lines.map(inline).join('<br>\n')}</p></blockquote>`;
        case 'ul':
        case 'ol':
          return `<${b.kind}>\n${b.items.map((x) => `<li>${inline(x)}</li>`).join('\n')}\n</${b.kind}>`;
        case 'hr':
          return '<hr>';
        case 'table':
          return `<table>\n<tr>${b.head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>\n${b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`;
      }
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(cleanForPeople(title))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\\|/g, '|');

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - displayWidth(s)));
}

/** Plain text: headings in 【】 (level 1–2) or on their own line, tables as aligned columns. */
export function markdownToText(md: string): string {
  return (
    blocks(md)
      .map((b) => {
        switch (b.kind) {
          case 'h':
            return b.level <= 2 ? `【${plain(b.text)}】` : plain(b.text);
          case 'p':
          case 'quote':
            return b.lines.map(plain).join('\n');
          case 'ul':
            return b.items.map((x) => `· ${plain(x)}`).join('\n');
          case 'ol':
            return b.items.map((x, i) => `${i + 1}. ${plain(x)}`).join('\n');
          case 'hr':
            return '';
          case 'table': {
            const rows = [b.head, ...b.rows].map((r) => r.map(plain));
            const widths = b.head.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
            return rows
              .map((r) =>
                r
                  .map((cell, c) => pad(cell, widths[c]!))
                  .join('  ')
                  .trimEnd(),
              )
              .join('\n');
          }
        }
      })
      .join('\n\n') + '\n'
  );
}
