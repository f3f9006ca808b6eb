/** What `tuan kit`, `tuan script`, `tuan plan` and `tuan lint` share: the --templates flag and the template context basics. */
import { Option } from 'commander';
import { templateFiles, Templates, userTemplateDir } from '../adapters/templates.js';
import { markdownToHtml, markdownToText } from '../render/markdown.js';
import type { RenderTemplate } from '../render/messages.js';
import type { Say } from '../i18n.js';
import type { Ctx } from './types.js';

export const templatesOption = (say: Say) =>
  new Option(
    '--templates <dir>',
    say(
      '放 .hbs 模板的目录,按文件名替换自带的模板(默认:配置里的 templates_dir)',
      'directory of .hbs files that override the shipped templates by file name (default: templates_dir in the configuration)',
    ),
  );

/** The user template directory in force: --templates, else the configuration's templates_dir. */
export function userDir(ctx: Ctx, flag: unknown): string | null {
  return userTemplateDir(typeof flag === 'string' ? flag : ctx.config.templates_dir, ctx.io.cwd);
}

export function loadTemplates(ctx: Ctx, flag: unknown): Templates {
  return new Templates(templateFiles(ctx.lang, userDir(ctx, flag), ctx.io.cwd), ctx.lang, ctx.unmask);
}

/** A Markdown document in the requested format; html is one self-contained page. */
export function asFormat(md: string, format: string, title: string, ctx: Ctx): string {
  if (format === 'html') return markdownToHtml(md, title, ctx.lang);
  if (format === 'txt') return markdownToText(md);
  return md.endsWith('\n') ? md : `${md}\n`;
}

/** The post and message templates in force, as the render layer calls them (`tuan today`, `tuan plan --format text`). */
export const messageRenderer =
  (templates: Templates): RenderTemplate =>
  (name, context) =>
    templates.render(name, context);
