/**
 * Error classes and the exit-code table (STYLE.md §6). Core and adapters throw these;
 * only cli.ts turns them into text and an exit status. Changing a code is a breaking change.
 */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 3,
  db: 4,
  template: 5,
  bug: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A message for people: plain English, or both languages. cli.ts prints the Chinese text by default
 * and the English with --lang en; an English-only message is printed as it is in both.
 */
export type Text = string | { zh: string; en: string };

const en = (t: Text | undefined) => (t === undefined || typeof t === 'string' ? t : t.en);

export class TuanError extends Error {
  readonly hint?: string;
  /** the Chinese message and hint, when the error has them */
  readonly zh?: { message: string; hint?: string };

  constructor(message: Text, readonly exitCode: ExitCode, hint?: Text) {
    super(en(message));
    this.name = new.target.name;
    this.hint = en(hint);
    if (typeof message !== 'string') {
      this.zh = { message: message.zh, hint: hint === undefined ? undefined : typeof hint === 'string' ? hint : hint.zh };
    }
  }

  /** The message and hint in a language (English when there is no Chinese text). */
  text(lang: 'zh-CN' | 'en'): { message: string; hint?: string } {
    return lang === 'zh-CN' && this.zh ? this.zh : { message: this.message, hint: this.hint };
  }
}

/** Bad flag or argument, or a prompt is needed but there is no terminal. Exit 2. */
export class UsageError extends TuanError {
  constructor(message: Text, hint?: Text) {
    super(message, EXIT.usage, hint);
  }
}

/** Invalid configuration file or value. Exit 2. */
export class ConfigError extends TuanError {
  constructor(message: Text, hint?: Text) {
    super(message, EXIT.usage, hint);
  }
}

/** Unreadable CSV, bad encoding, unmappable headers, too many rejected rows. Exit 3. */
export class InputError extends TuanError {
  constructor(message: Text, hint?: Text) {
    super(message, EXIT.input, hint);
  }
}

/** Cannot open the database, locked too long, full disk, read-only, damaged, schema newer than this tuan. Exit 4. */
export class DbError extends TuanError {
  constructor(message: Text, hint?: Text) {
    super(message, EXIT.db, hint);
  }
}

/** Template missing, or render failed in strict mode. Exit 5. */
export class TemplateError extends TuanError {
  constructor(message: Text, hint?: Text) {
    super(message, EXIT.template, hint);
  }
}

/** A KPI check ran and a threshold was breached. Exit 1. */
export class CheckFailed extends TuanError {
  constructor(message: Text) {
    super(message, EXIT.checkFailed);
  }
}
