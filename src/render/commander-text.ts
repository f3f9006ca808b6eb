/**
 * commander's own words (help headings, "(default: …)", its error messages) in the language of the run.
 * commander writes them in English; in Chinese they are rewritten here, as strings, before anything is printed.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import type { Lang } from '../i18n.js';

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法:',
  'Arguments:': '参数:',
  'Options:': '选项:',
  'Global Options:': '全局选项:',
  'Commands:': '命令:',
};

/** "(choices: "a", "b", default: "a")" → "(可选:"a", "b";默认:"a")" */
function notesZh(text: string): string {
  const m = / ?\(((?:choices|default|preset|env): .*)\)$/.exec(text);
  if (!m) return text;
  const notes = m[1]!.replace(/^choices: /, '可选:').replace(/(^|, )default: /, (_, sep: string) => `${sep ? ';' : ''}默认:`);
  return `${text.slice(0, m.index)}(${notes})`;
}

const termsZh = (usage: string) => usage.replace('[options]', '[选项]').replace('[command]', '[命令]');

/** Help in Chinese: the headings, "[options]", and the "(default: …)" / "(choices: …)" notes of options and arguments. */
export function commanderHelp(lang: Lang): HelpConfiguration {
  if (lang === 'en') return {};
  return {
    styleTitle: (str: string) => TITLES_ZH[str] ?? str,
    commandUsage(this: Help, cmd: Command) {
      return termsZh(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return termsZh(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(this: Help, option: Option) {
      return notesZh(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return notesZh(Help.prototype.argumentDescription.call(this, argument));
    },
  };
}

/** commander's error messages (unknown option, missing argument, invalid choice …), in Chinese unless --lang en. */
const ERRORS_ZH: [RegExp, string][] = [
  [/^error: unknown option '(.*?)'/, "错误:未知选项 '$1'"],
  [/^error: unknown command '(.*?)'/, "错误:未知命令 '$1'"],
  [/^error: missing required argument '(.*?)'/, "错误:缺少参数 '$1'"],
  [/^error: option '(.*?)' argument missing/, "错误:选项 '$1' 后面要跟一个值"],
  [/^error: required option '(.*?)' not specified/, "错误:必须给出选项 '$1'"],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/m, "错误:选项 '$1' 的值 '$2' 无效,可选:$3"],
  [
    /^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. Allowed choices are (.*)\.$/m,
    "错误:参数 '$2' 的值 '$1' 无效,可选:$3",
  ],
  [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, "错误:'$1' 的参数太多,应有 $2 个,收到 $3 个"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, '错误:参数太多,应有 $1 个,收到 $2 个'],
  [/^error: (?:option )?(.*) cannot be used with (?:option )?(.*)$/m, '错误:选项 $1 不能和 $2 同时使用'],
  [/\(Did you mean one of (.*)\?\)/, '(是不是想输入其中之一:$1?)'],
  [/\(Did you mean (.*)\?\)/, '(是不是想输入 $1?)'],
  [/^error: /, '错误:'],
];

export function commanderError(lang: Lang, str: string): string {
  if (lang === 'en') return str;
  return ERRORS_ZH.reduce((s, [re, zh]) => s.replace(re, zh), str);
}
