/**
 * Excel workbooks (.xlsx/.xlsm and legacy .xls) as the same row stream the CSV reader gives: each
 * sheet row becomes the cells a CSV export of it would hold (core/ingest/cells.ts), with the sheet's
 * row number as its line. Recognised by content, not by name: a zip holding a workbook part, or an
 * OLE2 compound file (BIFF8 .xls, or an encrypted OOXML workbook).
 *
 * .xlsx: fflate reads the zip and saxes the XML; the sheet is inflated and parsed as a stream (only
 * the compressed file and the shared strings are held), so a sheet of any length reads in bounded memory.
 * .xls: SheetJS (@e965/xlsx) reads it whole; a BIFF8 sheet holds at most 65,536 rows.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, posix } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';
import { Unzip, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError, type Text } from '../errors.js';
import { fromWorker } from './thread-stream.js';
import type { Sniffed, WorkbookSheet } from '../core/ingest/index.js';
import {
  columnIndex,
  headerScore,
  isDateFormat,
  isoCellToText,
  moneyCellText,
  moneyToText,
  normalizeHeader,
  numberCellText,
  numberToText,
  serialToText,
  sheetCell,
  unescapeXstring,
} from '../core/ingest/index.js';

export type Container = 'zip' | 'ole2';

/** Rows searched for the header row (title rows above it), as for CSV. */
const MAX_TITLE_ROWS = 30;

/** The container format of a file from its first bytes: a zip, an OLE2 compound file, or neither (text). */
export function containerOf(path: string): Container | null {
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6)))
    return 'zip';
  if (n === 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'ole2';
  return null;
}

/** A sheet row: its 1-based row number, its cells as text, and the cells holding an error value. */
export interface SheetRow {
  r: number;
  cells: string[];
  errors: { col: number; value: string }[];
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  /** .xlsx zip path of a worksheet; '' for a chart sheet or a sheet whose part is missing */
  part: string;
}

/** What reading a sheet needs besides the sheet itself. */
interface Book {
  format: 'xlsx' | 'xls';
  sheets: SheetEntry[];
  date1904: boolean;
  /** rows of sheet `index`, in batches; `money` columns round numbers to 2 decimals */
  rows(index: number, money: ReadonlySet<number>, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]>;
  /** .xlsx: the rows of sheet `index` before their cells become text, and how they become text */
  raw?: (index: number, onBytes?: (n: number) => void) => AsyncGenerator<RawBatch>;
  converter?: () => Converter;
}

// ---------------------------------------------------------------- messages

const READ = {
  zh: '.xlsx、.xlsm、.xls(Excel 97–2003)和 CSV/TSV 文本文件',
  en: '.xlsx, .xlsm, .xls (Excel 97–2003) and CSV/TSV text files',
};

function corrupt(file: string, detail: string): InputError {
  return new InputError(
    {
      zh: `${file} 不是完整的 Excel 工作簿(文件已损坏或不完整:${detail});什么也没有导入`,
      en: `${file} is not a complete Excel workbook (the file is damaged or truncated: ${detail}); nothing was imported`,
    },
    {
      zh: '重新下载这个文件;或在 Excel/WPS 里打开它,另存为 .xlsx 或 CSV 后再导入',
      en: 'download it again, or open it in Excel or WPS and save it as .xlsx or CSV, then import that',
    },
  );
}

function encrypted(file: string): InputError {
  return new InputError(
    {
      zh: `${file} 设置了打开密码(已加密),tuan 无法读取加密的工作簿;什么也没有导入`,
      en: `${file} is password-protected (encrypted); tuan cannot read an encrypted workbook; nothing was imported`,
    },
    {
      zh: '在 Excel/WPS 里用密码打开它,去掉密码(文件 → 信息 → 保护工作簿 → 用密码进行加密,清空密码)后另存,再导入',
      en: 'open it in Excel or WPS with its password, remove the password (File → Info → Protect Workbook → Encrypt with Password: clear it), save it without a password and import that',
    },
  );
}

function notRead(file: string, what: Text): InputError {
  return new InputError(
    {
      zh: `${file} 是${what.zh},tuan 读不了这种格式;能读取的格式:${READ.zh}`,
      en: `${file} is ${what.en}, a format tuan does not read; it reads ${READ.en}`,
    },
    {
      zh: '在原来的程序里把它另存为(或导出为).xlsx 或 CSV,再导入',
      en: 'save (or export) it as .xlsx or CSV in the program that made it, then import that',
    },
  );
}

// ---------------------------------------------------------------- .xlsx: parts

type Options = { position: false; xmlns: false };
const newParser = () => new SaxesParser<Options>({ position: false, xmlns: false });

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parse a whole small XML part with saxes, calling `onOpen` for each start tag (local names). */
function parseXml(xml: string, onOpen: (name: string, attrs: Record<string, string>) => void): void {
  const p = newParser();
  p.on('opentag', (t: SaxesTagPlain) => onOpen(localName(t.name), t.attributes as Record<string, string>));
  p.write(xml).close();
}

const attrEnding = (attrs: Record<string, string>, suffix: string) => {
  for (const [k, v] of Object.entries(attrs)) if (k === suffix || k.endsWith(`:${suffix}`)) return v;
  return undefined;
};

interface Rel {
  type: string;
  target: string;
}

function relsOf(xml: string | undefined): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (xml)
    parseXml(xml, (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        rels.set(a.Id, { type: a.Type ?? '', target: a.Target });
    });
  return rels;
}

function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), target));
}

const relsPath = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** Style index -> how its numbers read: 'd' a date, 't' a time of day, '0…' a zero-padded whole number, '' plain. */
function styleKinds(xml: string | undefined): string[] {
  if (!xml) return [];
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  const p = newParser();
  let inCellXfs = false;
  p.on('opentag', (t: SaxesTagPlain) => {
    const name = localName(t.name);
    const a = t.attributes as Record<string, string>;
    if (name === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (name === 'cellXfs') inCellXfs = !t.isSelfClosing;
    else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
  });
  p.on('closetag', (t: SaxesTagPlain) => {
    if (localName(t.name) === 'cellXfs') inCellXfs = false;
  });
  p.write(xml).close();
  return xfs.map((id) => numberKind(id, codes.get(id)));
}

/** How numbers of a format read: 'd' date, 't' time of day only, the format when it is all zeros, '' plain. */
function numberKind(id: number, code: string | undefined): string {
  if (isDateFormat(id, code)) {
    const builtinTime = (id >= 18 && id <= 21) || (id >= 45 && id <= 47);
    const bare = (code ?? (builtinTime ? 'h:mm' : 'yyyy-mm-dd')).replace(/"[^"]*"|\[[^\]]*\]/g, '');
    return /[yde]/i.test(bare) || !/[hs]/i.test(bare) ? 'd' : 't';
  }
  return code && /^0+$/.test(code) ? code : '';
}

/**
 * The shared strings: the text of every `<si>` (its `<t>` runs, without phonetic runs `<rPh>`, with
 * `_xHHHH_` escapes decoded), parsed only as far as a cell asks: finding the header row reads the first few.
 */
class SharedStrings {
  private readonly out: string[] = [];
  private readonly parser = newParser();
  private at = 0;
  private text = '';
  private inT = false;
  private inPhonetic = false;

  constructor(private readonly xml: string) {
    const p = this.parser;
    p.on('opentag', (t: SaxesTagPlain) => {
      const name = localName(t.name);
      if (name === 'si') this.text = '';
      else if (name === 't') this.inT = !t.isSelfClosing;
      else if (name === 'rPh') this.inPhonetic = !t.isSelfClosing;
    });
    p.on('closetag', (t: SaxesTagPlain) => {
      const name = localName(t.name);
      if (name === 't') this.inT = false;
      else if (name === 'rPh') this.inPhonetic = false;
      else if (name === 'si') this.out.push(unescapeXstring(this.text));
    });
    const onText = (text: string) => {
      if (this.inT && !this.inPhonetic) this.text += text;
    };
    p.on('text', onText);
    p.on('cdata', onText);
  }

  get(i: number): string {
    while (this.out.length <= i && this.at < this.xml.length) {
      this.parser.write(this.xml.slice(this.at, this.at + 65_536));
      this.at += 65_536;
      if (this.at >= this.xml.length) this.parser.close();
    }
    return this.out[i] ?? '';
  }
}

/** The names of the zip's entries (central directory), by lower case. */
function zipNames(buf: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  unzipSync(buf, {
    filter: (f) => {
      names.set(f.name.toLowerCase(), f.name);
      return false;
    },
  });
  return names;
}

function readParts(buf: Uint8Array, names: Map<string, string>, wanted: string[]): Map<string, string> {
  const real = new Map<string, string>(); // actual name -> wanted path
  for (const w of wanted) {
    const n = names.get(w.toLowerCase());
    if (n !== undefined) real.set(n, w);
  }
  const files = unzipSync(buf, { filter: (f) => real.has(f.name) });
  const dec = new TextDecoder('utf-8');
  const out = new Map<string, string>();
  for (const [n, data] of Object.entries(files)) out.set(real.get(n)!, dec.decode(data));
  return out;
}

function openXlsx(file: string, buf: Uint8Array): Book {
  let names: Map<string, string>;
  try {
    names = zipNames(buf);
  } catch (e) {
    throw corrupt(file, (e as Error).message);
  }
  if (names.has('xl/workbook.bin'))
    return fail(notRead(file, { zh: ' Excel 二进制工作簿(.xlsb)', en: 'an Excel binary workbook (.xlsb)' }));
  if ([...names.keys()].some((n) => n.startsWith('index/') && n.endsWith('.iwa')))
    return fail(notRead(file, { zh: ' Apple Numbers 文件(.numbers)', en: 'an Apple Numbers file (.numbers)' }));
  if (names.has('content.xml') && names.has('mimetype'))
    return fail(notRead(file, { zh: ' OpenDocument 表格(.ods)', en: 'an OpenDocument spreadsheet (.ods)' }));
  try {
    const root = relsOf(readParts(buf, names, ['_rels/.rels']).get('_rels/.rels'));
    const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
    const wbPath = office ? resolvePart('', office.target) : 'xl/workbook.xml';
    if (!names.has(wbPath.toLowerCase())) {
      if (names.has('encryptioninfo')) return fail(encrypted(file));
      return fail(notRead(file, { zh: '一个 zip 压缩包,里面没有 Excel 工作簿', en: 'a zip archive without an Excel workbook in it' }));
    }
    const parts = readParts(buf, names, [wbPath, relsPath(wbPath)]);
    const rels = relsOf(parts.get(relsPath(wbPath)));
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    parseXml(parts.get(wbPath) ?? '', (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const rel = rels.get(attrEnding(a, 'id') ?? '');
        const part = rel?.type.endsWith('/worksheet') ? resolvePart(wbPath, rel.target) : '';
        sheets.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', part });
      }
    });
    const byType = (suffix: string) => {
      const rel = [...rels.values()].find((r) => r.type.endsWith(suffix));
      return rel ? resolvePart(wbPath, rel.target) : '';
    };
    for (const s of sheets) if (s.part && !names.has(s.part.toLowerCase())) s.part = '';
    return xlsxBook(file, buf, names, sheets, date1904, byType('/sharedStrings'), byType('/styles'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw corrupt(file, (e as Error).message);
  }
}

/** A deflated zip entry passed through as it is stored (zlib inflates it): an fflate decoder. */
class RawEntry {
  static readonly compression = 8;
  ondata: (err: Error | null, data: Uint8Array, final: boolean) => void = () => {};
  push(data: Uint8Array, final: boolean): void {
    this.ondata(null, data, final);
  }
}

const fail = (e: InputError): never => {
  throw e;
};

function xlsxBook(
  file: string,
  buf: Uint8Array,
  names: Map<string, string>,
  sheets: SheetEntry[],
  date1904: boolean,
  sstPath: string,
  stylesPath: string,
): Book {
  let cache: { sst: SharedStrings; kinds: string[] } | null = null;
  const support = () => {
    if (!cache) {
      try {
        const parts = readParts(buf, names, [sstPath, stylesPath].filter(Boolean));
        cache = { sst: new SharedStrings(parts.get(sstPath) ?? ''), kinds: styleKinds(parts.get(stylesPath)) };
      } catch (e) {
        throw corrupt(file, (e as Error).message);
      }
    }
    return cache;
  };
  async function* raw(index: number, onBytes?: (n: number) => void): AsyncGenerator<RawBatch> {
    const sheet = sheets[index]!;
    const real = names.get(sheet.part.toLowerCase()) ?? sheet.part;
    const rows = new SheetXml();
    const parser = rows.parser;
    // fflate finds the sheet's bytes in the zip (still deflated: RawEntry passes them through);
    // Node's zlib inflates them as a stream, off the JavaScript thread, into saxes.
    const chunks: Uint8Array[] = [];
    let method = -1;
    const unzip = new Unzip((f) => {
      if (f.name !== real) return;
      method = f.compression;
      f.ondata = (err, data) => {
        if (!err && data.length) chunks.push(data);
      };
      f.start();
    });
    unzip.register(RawEntry);
    try {
      unzip.push(buf, true);
    } catch (e) {
      throw corrupt(file, (e as Error).message ?? String(e));
    }
    if (method < 0) throw corrupt(file, `${sheet.part} is missing`);
    if (method !== 0 && method !== 8) throw corrupt(file, `${sheet.part} uses compression method ${method}`);
    const source = Readable.from(chunks, { objectMode: false });
    const inflater = method === 8 ? createInflateRaw({ chunkSize: 96 * 1024 }) : null;
    const stream = inflater ? source.pipe(inflater) : source;
    source.on('error', (e) => stream.destroy(e));
    const dec = new TextDecoder('utf-8');
    let seen = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        parser.write(dec.decode(chunk, { stream: true }));
        const read = inflater ? inflater.bytesWritten : seen + chunk.length;
        onBytes?.(read - seen);
        seen = read;
        if (rows.pending) yield rows.take();
        if (rows.done) break;
      }
      if (!rows.done) {
        parser.write(dec.decode()).close();
        if (!rows.done) throw new Error(`the sheet ${sheet.name} ends early`);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw corrupt(file, (e as Error).message ?? String(e));
    } finally {
      stream.destroy();
      source.destroy();
    }
    if (rows.pending) yield rows.take();
  }
  return {
    format: 'xlsx',
    sheets,
    date1904,
    async *rows(index, money, onBytes) {
      const convert = converterOf(file, support(), date1904);
      for await (const batch of raw(index, onBytes)) yield convert(batch, money);
    },
    raw,
    converter: () => converterOf(file, support(), date1904),
  };
}

type Converter = (raw: RawBatch, money: ReadonlySet<number>) => SheetRow[];

/** Raw rows -> rows of text, with the shared strings and styles (and not the file: it need not stay in memory). */
function converterOf(file: string, parts: { sst: SharedStrings; kinds: string[] }, date1904: boolean): Converter {
  return (raw, money) => {
    try {
      return convertRows(raw, { ...parts, date1904, money });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw corrupt(file, (e as Error).message ?? String(e));
    }
  };
}

/** Cell types (`t`) by code, as RawBatch holds them. */
const TYPES = ['n', 's', 'inlineStr', 'str', 'b', 'e', 'd'];
const typeCode = (t: string | undefined) => (t === undefined ? 0 : Math.max(0, TYPES.indexOf(t)));

/**
 * Sheet rows as the XML holds them, before their cells become text (convertRows): per row its
 * number and cell count (`shape`), per cell its column, type code and style (`cells`), and the
 * cells' raw texts (`<v>`, or an inline string's text) in one string cut by `lengths`. One string and
 * a few arrays cross to another thread much faster than thousands of small arrays and objects.
 */
export interface RawBatch {
  shape: Int32Array;
  cells: Int32Array;
  text: string;
  lengths: Int32Array;
}

/** Sheet XML events -> raw rows. Only `<sheetData>` is read; reading stops at its end. */
class SheetXml {
  readonly parser: SaxesParser<Options> = newParser();
  done = false;
  private shape: number[] = [];
  private info: number[] = [];
  private values: string[] = [];
  /** inside a `<row>`, whose cells start at `values[rowStart]` */
  private inRow = false;
  private rowStart = 0;
  private lastRow = 0;
  private col = -1;
  private type = 0;
  private style = 0;
  private value = '';
  private inline = '';
  private inV = false;
  private inT = false;
  private inPhonetic = false;

  constructor() {
    const p = this.parser;
    p.on('opentag', (t: SaxesTagPlain) => this.open(t));
    p.on('closetag', (t: SaxesTagPlain) => this.close(t));
    const onText = (s: string) => {
      if (this.inV) this.value += s;
      else if (this.inT && !this.inPhonetic) this.inline += s;
    };
    p.on('text', onText);
    p.on('cdata', onText);
  }

  /** whether whole rows wait to be taken */
  get pending(): boolean {
    return this.shape.length > 0;
  }

  /** The whole rows read so far (the cells of a row still open stay). */
  take(): RawBatch {
    const n = this.inRow ? this.rowStart : this.values.length;
    const values = this.values.splice(0, n);
    const info = this.info.splice(0, n * 3);
    this.rowStart -= n;
    const lengths = new Int32Array(n);
    for (let i = 0; i < n; i++) lengths[i] = values[i]!.length;
    const shape = Int32Array.from(this.shape);
    this.shape = [];
    return { shape, cells: Int32Array.from(info), text: values.join(''), lengths };
  }

  private open(t: SaxesTagPlain): void {
    const name = t.name.includes(':') ? localName(t.name) : t.name; // most sheets use no prefix
    const a = t.attributes as Record<string, string>;
    switch (name) {
      case 'row':
        this.lastRow = a.r ? Number(a.r) : this.lastRow + 1;
        this.inRow = !t.isSelfClosing;
        this.rowStart = this.values.length;
        this.col = -1;
        break;
      case 'c': {
        const c = a.r ? columnIndex(a.r) : -1;
        this.col = c >= 0 ? c : this.col + 1;
        this.type = typeCode(a.t);
        this.style = a.s ? Number(a.s) : 0;
        this.value = '';
        this.inline = '';
        if (t.isSelfClosing) this.cell();
        break;
      }
      case 'v':
        this.inV = !t.isSelfClosing;
        break;
      case 't':
        this.inT = !t.isSelfClosing;
        break;
      case 'rPh':
        this.inPhonetic = !t.isSelfClosing;
        break;
    }
  }

  private close(t: SaxesTagPlain): void {
    switch (t.name.includes(':') ? localName(t.name) : t.name) {
      case 'v':
        this.inV = false;
        break;
      case 't':
        this.inT = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c':
        if (!t.isSelfClosing) this.cell();
        break;
      case 'row':
        if (this.inRow && this.values.length > this.rowStart) this.shape.push(this.lastRow, this.values.length - this.rowStart);
        this.inRow = false;
        break;
      case 'sheetData':
        this.done = true;
        break;
    }
  }

  private cell(): void {
    if (!this.inRow) return;
    this.info.push(this.col, this.type, this.style);
    this.values.push(this.type === 2 ? this.inline : this.value);
  }
}

type Ctx = { sst: SharedStrings; kinds: string[]; date1904: boolean; money: ReadonlySet<number> };

/** Raw rows -> rows of the text a CSV export would hold, and their error cells. */
function convertRows(raw: RawBatch, ctx: Ctx): SheetRow[] {
  const out: SheetRow[] = [];
  const { shape, cells: info, text, lengths } = raw;
  let at = 0;
  let k = 0;
  for (let i = 0; i < shape.length; i += 2) {
    const row: SheetRow = { r: shape[i]!, cells: [], errors: [] };
    for (let j = shape[i + 1]!; j > 0; j--, k++) {
      const end = at + lengths[k]!;
      const v = text.slice(at, end);
      at = end;
      const col = info[3 * k]!;
      setCell(row.cells, col, cellText(v, info[3 * k + 1]!, info[3 * k + 2]!, col, row, ctx));
    }
    pushRow(out, row);
  }
  return out;
}

function cellText(v: string, type: number, style: number, col: number, row: SheetRow, ctx: Ctx): string {
  switch (type) {
    case 1: // s
      return ctx.sst.get(Number(v));
    case 2: // inlineStr
    case 3: // str
      return unescapeXstring(v);
    case 4: // b
      return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
    case 5: // e
      row.errors.push({ col, value: v });
      return v;
    case 6: // d
      return isoCellToText(v);
    default: {
      const kind = ctx.kinds[style] ?? '';
      if (v === '') return '';
      if (kind === 'd' || kind === 't') return numberText(Number(v), kind, col, ctx);
      return ctx.money.has(col) ? moneyCellText(v) : numberCellText(v, kind || undefined);
    }
  }
}
function numberText(n: number, kind: string, col: number, ctx: { date1904: boolean; money: ReadonlySet<number> }): string {
  if (Number.isNaN(n)) return '';
  if (kind === 'd' || kind === 't') return serialToText(n, ctx.date1904, kind === 't');
  if (ctx.money.has(col)) return moneyToText(n);
  return numberToText(n, kind || undefined);
}

function setCell(cells: string[], col: number, text: string): void {
  if (col < 0 || col > 16383) return; // beyond the last column (XFD) an Excel sheet has
  while (cells.length < col) cells.push('');
  cells[col] = text;
}

/** A row with any text is kept, without its empty trailing cells; empty rows are dropped (as empty CSV lines are). */
function pushRow(out: SheetRow[], row: SheetRow): void {
  const c = row.cells;
  let n = c.length;
  while (n > 0 && c[n - 1]!.trim() === '') n--;
  if (n === 0 && row.errors.length === 0) return;
  c.length = Math.max(n, ...row.errors.map((e) => e.col + 1));
  out.push(row);
}

// ---------------------------------------------------------------- .xls (and encrypted OOXML), via SheetJS

async function openOle2(file: string, buf: Buffer): Promise<Book> {
  const XLSX = await import('@e965/xlsx');
  let names: string[];
  try {
    const cfb = XLSX.CFB.read(buf, { type: 'buffer' }) as { FullPaths: string[] };
    names = cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop()!.toLowerCase());
  } catch (e) {
    throw corrupt(file, (e as Error).message);
  }
  if (names.includes('encryptedpackage') || names.includes('encryptioninfo')) throw encrypted(file);
  if (!names.includes('workbook') && !names.includes('book'))
    throw notRead(file, {
      zh: '一个不含 Excel 工作簿的 OLE2 文件(Word/PowerPoint?)',
      en: 'an OLE2 file without an Excel workbook (Word or PowerPoint?)',
    });
  let wb: import('@e965/xlsx').WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', cellNF: true, cellDates: false, cellText: false, cellHTML: false, dense: true });
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(msg)) throw encrypted(file);
    throw corrupt(file, msg);
  }
  const props = wb.Workbook?.Sheets ?? [];
  const sheets: SheetEntry[] = wb.SheetNames.map((name, i) => ({ name, hidden: Boolean(props[i]?.Hidden), part: '' }));
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return {
    format: 'xls',
    sheets,
    date1904,
    async *rows(index, money) {
      const ws = wb.Sheets[sheets[index]!.name];
      const data = (ws?.['!data'] ?? []) as (import('@e965/xlsx').CellObject | undefined)[][];
      const out: SheetRow[] = [];
      const ctx = { date1904, money };
      data.forEach((cells, r) => {
        if (!cells) return;
        const row: SheetRow = { r: r + 1, cells: [], errors: [] };
        cells.forEach((cell, col) => {
          if (!cell) return;
          let text: string;
          if (cell.t === 'n') {
            const code = typeof cell.z === 'string' ? cell.z : undefined;
            text = numberText(cell.v as number, numberKind(-1, code ?? 'General'), col, ctx);
          } else if (cell.t === 'b') text = cell.v ? 'TRUE' : 'FALSE';
          else if (cell.t === 'e') {
            text = cell.w ?? XLSX.SSF.format('General', cell.v as number);
            row.errors.push({ col, value: text });
          } else if (cell.t === 'd') text = isoCellToText((cell.v as Date).toISOString());
          else text = cell.v === undefined ? '' : String(cell.v);
          setCell(row.cells, col, text);
        });
        pushRow(out, row);
      });
      yield out;
    },
  };
}

// ---------------------------------------------------------------- sniffing and reading

async function openBook(path: string, container: Container): Promise<Book> {
  const file = basename(path);
  const buf = readFileSync(path);
  return container === 'zip' ? openXlsx(file, buf) : openOle2(file, buf);
}

export interface WorkbookSniffOptions {
  /** header texts given by --map / config columns: they count as known headers */
  extraHeaders: readonly string[];
  /** --sheet: a sheet name, or the 1-based position among the visible sheets */
  sheet?: string | undefined;
}

function pickSheet(file: string, book: Book, choice: string): number {
  const byName = book.sheets.findIndex((s) => s.name === choice);
  if (byName >= 0) return byName;
  const visible = book.sheets.flatMap((s, i) => (s.hidden ? [] : [i]));
  const n = /^\d+$/.test(choice) ? Number(choice) : 0;
  if (n >= 1 && n <= visible.length) return visible[n - 1]!;
  const list = book.sheets.map((s, i) => `${visible.indexOf(i) + 1 || '-'}. ${s.name}${s.hidden ? ' (hidden)' : ''}`).join(', ');
  throw new InputError(
    { zh: `${file} 里没有工作表 "${choice}"`, en: `${file} has no sheet "${choice}"` },
    { zh: `用 --sheet 指定其中一个工作表(名称或序号):${list}`, en: `pick one of its sheets with --sheet (name or number): ${list}` },
  );
}

/** The first rows of a sheet (by row number), for the header search. */
async function firstRows(book: Book, index: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  if (!book.sheets[index]!.part && book.format === 'xlsx') return rows;
  for await (const batch of book.rows(index, new Set())) {
    for (const r of batch) {
      if (r.r > MAX_TITLE_ROWS) return rows;
      rows.push(r);
    }
  }
  return rows;
}

/** Find the sheet and its header row (under any title rows). */
export async function sniffWorkbook(path: string, container: Container, opts: WorkbookSniffOptions): Promise<Sniffed> {
  const file = basename(path);
  const book = await openBook(path, container);
  const extra = new Set(opts.extraHeaders.map(normalizeHeader));
  const visible = book.sheets.flatMap((s, i) => (s.hidden ? [] : [i]));
  const candidates = opts.sheet !== undefined ? [pickSheet(file, book, opts.sheet)] : visible;
  const seen: { name: string; first: string[] }[] = [];
  for (const index of candidates) {
    const rows = await firstRows(book, index);
    let best: SheetRow | null = null;
    let bestScore = 0;
    for (const row of rows) {
      const cells = row.cells.map((c) => c.trim());
      const score = headerScore(cells) + cells.filter((c) => extra.has(normalizeHeader(c))).length;
      if (score > bestScore) [best, bestScore] = [row, score];
    }
    if (best && bestScore >= 2) {
      const sheet = book.sheets[index]!;
      const workbook: WorkbookSheet = {
        format: book.format,
        sheet: sheet.name,
        skipped: visible.filter((i) => i !== index).map((i) => book.sheets[i]!.name),
        index,
        money: [],
      };
      return {
        encoding: 'utf8',
        gzip: false,
        delimiter: ',',
        headerLine: best.r,
        headers: best.cells.map((c) => c.trim()),
        newline: '\n',
        workbook,
      };
    }
    seen.push({ name: book.sheets[index]!.name, first: rows.find((r) => r.cells.some((c) => c.trim() !== ''))?.cells ?? [] });
  }
  const show = (cells: string[]) => {
    const text = cells
      .map((c) => c.trim().replace(/\s+/g, ' '))
      .filter((c) => c !== '')
      .join(', ');
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  };
  const listZh = seen.map((s) => `\n  ${s.name}:${show(s.first) || '(空)'}`).join('');
  const listEn = seen.map((s) => `\n  ${s.name}: ${show(s.first) || '(empty)'}`).join('');
  const maps = '--map ordered_at="<date header>" --map member_id="<customer header>" --map amount="<amount header>"';
  throw new InputError(
    {
      zh: `${file}:没有哪个工作表在前 ${MAX_TITLE_ROWS} 行里有能认出的表头行。工作表和它们的第一行:${listZh || '\n  (没有可见的工作表)'}`,
      en:
        `${file}: no sheet has a header row with known column names in its first ${MAX_TITLE_ROWS} rows. ` +
        `The sheets and their first rows:${listEn || '\n  (no visible sheet)'}`,
    },
    {
      zh: `用 --sheet 选工作表,用 --map 指定列,例如 ${maps}`,
      en: `pick the sheet with --sheet and map the columns with --map, e.g. ${maps}`,
    },
  );
}

/** The rows of the sniffed sheet, in batches. */
async function* sheetRows(path: string, sniffed: Sniffed, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const wb = sniffed.workbook!;
  const book = await openBook(path, wb.format === 'xlsx' ? 'zip' : 'ole2');
  yield* book.rows(wb.index, new Set(wb.money), onBytes);
}

/** The raw rows of the sniffed .xlsx sheet, in batches (for workbook-reader.ts). */
export async function* rawSheetRows(path: string, sniffed: Sniffed, onBytes?: (n: number) => void): AsyncGenerator<RawBatch> {
  const book = await openBook(path, 'zip');
  yield* book.raw!(sniffed.workbook!.index, onBytes);
}

const READER_URL = new URL('./workbook-reader.js', import.meta.url);
/** The reader's young generation (MiB): it makes much short-lived garbage, but a larger one saved no time. */
const READER_YOUNG_MB = 32;

/** Whether the compiled reader script is there (not under a TypeScript test runner). */
const readerAvailable = () => READER_URL.protocol === 'file:' && existsSync(fileURLToPath(READER_URL));

/**
 * The same rows, with inflating and parsing the sheet XML in a thread of its own (workbook-reader.ts).
 * A large import already parses in a worker while the main thread writes; for an .xlsx, the XML is
 * most of that work, so it gets its own thread, and this one turns its raw rows into text.
 */
async function* readerRows(path: string, sniffed: Sniffed, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const convert = (await openBook(path, 'zip')).converter!();
  const money = new Set(sniffed.workbook!.money);
  for await (const m of fromWorker<RawBatch & { bytes: number }>(READER_URL, { path, sniffed }, 8, READER_YOUNG_MB)) {
    onBytes?.(m.bytes);
    yield convert(m, money);
  }
}
export interface WorkbookRecord {
  cells: string[];
  line: number;
}

/**
 * The data rows under the header row of the sniffed sheet, in batches. A row holding an error value
 * (`#N/A`, `#VALUE!`, `#REF!` …) is reported through `onProblem`, naming the sheet and cell.
 */
export async function* readWorkbookBatches(
  path: string,
  sniffed: Sniffed,
  onProblem: (p: { line: number; cells: string[]; field: string; reason: string }) => void,
  onBytes?: (n: number) => void,
): AsyncGenerator<WorkbookRecord[]> {
  const wb = sniffed.workbook!;
  const threaded = !isMainThread && wb.format === 'xlsx' && readerAvailable();
  for await (const rows of threaded ? readerRows(path, sniffed, onBytes) : sheetRows(path, sniffed, onBytes)) {
    const out: WorkbookRecord[] = [];
    for (const row of rows) {
      if (row.r <= sniffed.headerLine) continue;
      if (row.errors.length) {
        const where = row.errors.map((e) => `${e.value} in ${sheetCell(wb.sheet, e.col, row.r)}`).join(', ');
        const first = row.errors[0]!.col;
        onProblem({
          line: row.r,
          cells: row.cells,
          field: sniffed.headers[first] || sheetCell(wb.sheet, first, row.r),
          reason: `error value ${where}`,
        });
      } else out.push({ cells: row.cells, line: row.r });
    }
    if (out.length) yield out;
  }
}
