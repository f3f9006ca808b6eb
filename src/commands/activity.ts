/** The activity commands of issue #5 (kits, talk-scripts, the weekly plan, template lint) and #16 (today), listed once for commands/index.ts. */
import type { CommandSpec } from './types.js';
import { kitCommand } from './kit.js';
import { scriptCommand } from './script.js';
import { planCommand } from './plan.js';
import { logCommand } from './log.js';
import { reviewCommand } from './review.js';
import { lintCommand } from './lint.js';
import { todayCommand } from './today.js';

export const activityCommands: CommandSpec[] = [
  kitCommand,
  scriptCommand,
  planCommand,
  todayCommand,
  logCommand,
  reviewCommand,
  lintCommand,
];
