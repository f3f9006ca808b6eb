import { EXIT } from '../errors.js';
import { renderJson } from '../render/table.js';
import { stringify } from 'yaml';
import { emit, formatOption, outOption } from './common.js';
import type { CommandSpec } from './types.js';

export const configCommand: CommandSpec = {
  name: 'config',
  group: 'setup',
  summary: { 'zh-CN': '显示当前生效的配置(默认值 + 配置文件 + 环境变量 + 参数)', en: 'print the configuration in force (defaults + file + env + flags)' },
  description: 'Prints the resolved configuration: DEFAULT_CONFIG, then tuan.config.yaml (or --config), then TUAN_* variables, then flags. "Why did it do that?" starts here.',
  examples: ['tuan config', 'tuan config --format json'],
  configure(cmd) {
    cmd.addOption(formatOption(['yaml', 'json'])).addOption(outOption());
  },
  async run(_args, opts, ctx) {
    const header = `# source: ${ctx.configSource ?? 'built-in defaults'}\n`;
    emit(ctx, opts.format === 'json' ? renderJson(ctx.config) : header + stringify(ctx.config), opts.out);
    return EXIT.ok;
  },
};
