/** `tuan lint` output for people: one line per problem with file:line, then a summary. */
import type { LintIssue, LintResult } from '../core/templating/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import type { Style } from './style.js';

const m = defineMessages({
  'lint.syntax': ['语法错误:{s}', 'syntax error: {s}'],
  'lint.unknown-variable': ['上下文里没有变量 "{s}"', 'unknown variable "{s}" (not in the documented context)'],
  'lint.unknown-variable.each-only': ['"{s}" 只能用在 #each 里', '"{s}" only exists inside #each'],
  'lint.unknown-helper': ['未知的 helper "{s}"', 'unknown helper "{s}"'],
  'lint.unknown-helper.block': [
    '"{s}" 不能当块使用(块只能用 #each #with #if #unless)',
    '"{s}" is not a block helper (blocks: #each #with #if #unless)',
  ],
  'lint.unknown-partial': ['没有名为 "{s}" 的 partial(文件 _{s}.hbs)', 'unknown partial "{s}" (file _{s}.hbs)'],
  'lint.prints-object': [
    '"{s}" 是{d},会打印成 [object Object];请打印它的某个字段',
    '"{s}" is a {d} and would print as [object Object]; print one of its fields',
  ],
  'lint.render': ['用示例上下文渲染失败:{s}', 'rendering with a sample context failed: {s}'],
  'lint.absolute-term': [
    '绝对化用语「{s}」(…{d}…):广告法第九条禁止用于推广',
    'absolute claim "{s}" (…{d}…): forbidden in promotions (Advertising Law art. 9)',
  ],
  'lint.silent-frequency': [
    '「{s}」(…{d}…)暗示频繁推送,沉默会员每周最多 1 条消息',
    '"{s}" (…{d}…) implies frequent pushes; a silent member may get one message a week',
  ],
  'lint.silent-frequency.per-day': [
    '每天的段落里引用了当天之外的会员名单 "{s}":同一批会员(包括沉默会员)会被每天联系;沉默会员每周最多 1 条消息',
    'a per-day section lists members from outside the day ("{s}"): the same members, silent ones too, would be contacted every day; a silent member may get one message a week',
  ],
  'lint.unused-file': [
    'tuan 不会使用 {s}:模板名是 kit-<阶段>、script-<场景>、plan,partial 以 _ 开头',
    'tuan never uses {s}: templates are kit-<stage>, script-<scene> and plan; partials start with _',
  ],
  'lint.clean': [
    '模板检查通过:{n} 个文件(内置 {shipped},自定义 {user}),没有问题。',
    'templates clean: {n} files checked (shipped {shipped}, user {user}), no problems.',
  ],
  'lint.summary': [
    '{p} 个问题,涉及 {f} 个文件(共检查 {n} 个:内置 {shipped},自定义 {user})。',
    '{p} problem(s) in {f} file(s) ({n} checked: shipped {shipped}, user {user}).',
  ],
  'lint.list': ['列表', 'list'],
  'lint.object': ['对象', 'object'],
});

export function issueText(i: LintIssue, lang: Lang): string {
  const key = `lint.${i.rule}${i.detail && ['each-only', 'block', 'per-day'].includes(i.detail) ? `.${i.detail}` : ''}`;
  const d = i.rule === 'prints-object' ? m(lang, i.detail === 'list' ? 'lint.list' : 'lint.object') : (i.detail ?? '');
  return m(lang, key as 'lint.syntax', { s: i.subject, d });
}

export function lintText(r: LintResult, lang: Lang, style: Style): string {
  const shipped = r.checked.filter((c) => c.origin === 'shipped').length;
  const user = r.checked.length - shipped;
  const counts = { n: r.checked.length, shipped, user };
  if (r.issues.length === 0) return m(lang, 'lint.clean', counts) + '\n';
  const lines = r.issues.map(
    (i) => `${style.bold(i.line > 0 ? `${i.file}:${i.line}` : i.file)}  ${style.yellow(i.rule)}  ${issueText(i, lang)}`,
  );
  const files = new Set(r.issues.map((i) => i.file)).size;
  return `${lines.join('\n')}\n\n${m(lang, 'lint.summary', { p: r.issues.length, f: files, ...counts })}\n`;
}

export function lintJson(r: LintResult) {
  return {
    ok: r.issues.length === 0,
    checked: r.checked,
    issues: r.issues.map((i) => ({
      file: i.file,
      line: i.line,
      rule: i.rule,
      subject: i.subject,
      detail: i.detail ?? null,
      message: issueText(i, 'en'),
    })),
  };
}
