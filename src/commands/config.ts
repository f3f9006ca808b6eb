import { EXIT } from '../errors.js';
import { renderJson } from '../render/table.js';
import { stringify } from 'yaml';
import { emit, formatOption, outOption } from './common.js';
import { sayIn } from '../i18n.js';
import type { CommandSpec } from './types.js';

export const configCommand: CommandSpec = {
  name: 'config',
  group: 'setup',
  summary: {
    zh: '显示当前生效的配置(默认值 + 配置文件 + 环境变量 + 参数)',
    en: 'print the configuration in force (defaults + file + env + flags)',
  },
  description: {
    zh: '显示最终生效的配置:内置默认值,然后是 tuan.config.yaml(或 --config),然后是 TUAN_* 环境变量,最后是命令行参数。"为什么会这样算?"从这里查起。',
    en: 'Prints the resolved configuration: DEFAULT_CONFIG, then tuan.config.yaml (or --config), then TUAN_* variables, then flags. "Why did it do that?" starts here.',
  },
  examples: ['tuan config', 'tuan config --format json'],
  configure(cmd, say) {
    cmd.addOption(formatOption(say, ['yaml', 'json'])).addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const say = sayIn(ctx.lang);
    const header = `# ${say('来源', 'source')}: ${ctx.configSource ?? say('内置默认值', 'built-in defaults')}\n`;
    emit(ctx, opts.format === 'json' ? renderJson(ctx.config) : header + stringify(ctx.config), opts.out);
    return EXIT.ok;
  },
};
