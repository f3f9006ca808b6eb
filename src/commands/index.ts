/** The list of commands; adding a command is one line here. */
import type { CommandSpec } from './types.js';
import { initCommand } from './init.js';
import { completionCommand } from './completion.js';
import { importCommand } from './import.js';
import { statusCommand } from './status.js';
import { rejectsCommand } from './rejects.js';
import { forgetCommand } from './forget.js';
import { configCommand } from './config.js';
import { segmentCommand } from './segment.js';
import { predictCommand } from './predict.js';
import { stagesCommand } from './stages.js';
import { membersCommand } from './members.js';
import { kpiCommand } from './kpi.js';
import { commissionCommand } from './commission.js';
import { leadersCommand } from './leaders.js';
import { alertsCommand } from './alerts.js';
import { productsCommand } from './products.js';
import { cohortsCommand } from './cohorts.js';
import { reportCommand } from './report.js';
import { activityCommands } from './activity.js';

export const COMMANDS: CommandSpec[] = [
  importCommand,
  statusCommand,
  rejectsCommand,
  forgetCommand,
  segmentCommand,
  stagesCommand,
  membersCommand,
  productsCommand,
  cohortsCommand,
  predictCommand,
  reportCommand,
  leadersCommand,
  commissionCommand,
  ...activityCommands,
  kpiCommand,
  alertsCommand,
  configCommand,
  initCommand,
  completionCommand,
];
