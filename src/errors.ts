/**
 * Error classes and the exit-code table (STYLE.md §6). Core and adapters throw these;
 * only cli.ts turns them into text and an exit status. Changing a code is a breaking change.
 */
import { pick, type Lang, type Text } from './i18n.js';

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

export type { Text };

/**
 * Every error says what went wrong in both languages (a `Text`); cli.ts prints the Chinese text by
 * default and the English with --lang en. `message` and `hint` are the English text, for logs and tests.
 */
export class TuanError extends Error {
  readonly hint?: string;

  constructor(
    readonly body: Text,
    readonly exitCode: ExitCode,
    readonly hintText?: Text,
  ) {
    super(body.en);
    this.name = new.target.name;
    this.hint = hintText?.en;
  }

  /** The message and hint in a language. */
  text(lang: Lang): { message: string; hint?: string } {
    return { message: pick(lang, this.body), hint: this.hintText && pick(lang, this.hintText) };
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
