/** The text encodings tuan reads (a module of its own so that option parsing does not load iconv-lite). */
export const ENCODINGS = ['auto', 'utf8', 'gbk', 'gb18030', 'utf16le', 'utf16be', 'latin1'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
export type Encoding = Exclude<EncodingChoice, 'auto'>;
