/**
 * File names made from user data (a member id from an export can be `x/../../PWNED`, `CON`, 300
 * characters or an ANSI escape). `safeFileName` turns any text into one plain file name that stays
 * inside the folder it is joined to and is valid on Linux, macOS and Windows. Pure.
 */
import { createHash } from 'node:crypto';

/** Longest name part kept, in UTF-8 bytes (file systems allow 255; room is left for prefix and suffix). */
const MAX_BYTES = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Path separators, characters Windows refuses, C0/C1 controls, DEL, and bidi/zero-width format characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

function truncateUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/**
 * A safe file name for `text`: unsafe characters become `_`, no leading dot (so never `.` or `..`),
 * no trailing dot or space, no Windows device name, at most MAX_BYTES bytes. When anything had to
 * change, a short hash of the original is appended so that two different ids never share a name.
 */
export function safeFileName(text: string): string {
  let s = text.normalize('NFC').replace(UNSAFE, '_');
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  const cut = truncateUtf8(s, MAX_BYTES);
  if (cut === text && cut !== '') return cut;
  return `${cut === '' ? 'id' : cut}~${shortHash(text)}`;
}

/**
 * Safe names for a list of texts, unique even on case-insensitive file systems (a later duplicate
 * gets `-2`, `-3`, …).
 */
export function uniqueFileNames(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((t) => {
    const base = safeFileName(t);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
