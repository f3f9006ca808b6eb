/**
 * Loaders by command name, so that a run loads only the command it runs (start-up is a good part
 * of a short command's time). The order and the list are those of COMMANDS in index.ts; a test
 * checks that the two agree.
 */
import type { CommandSpec } from './types.js';

export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<CommandSpec>>> = {
  import: async () => (await import('./import.js')).importCommand,
  status: async () => (await import('./status.js')).statusCommand,
  rejects: async () => (await import('./rejects.js')).rejectsCommand,
  forget: async () => (await import('./forget.js')).forgetCommand,
  segment: async () => (await import('./segment.js')).segmentCommand,
  stages: async () => (await import('./stages.js')).stagesCommand,
  members: async () => (await import('./members.js')).membersCommand,
  products: async () => (await import('./products.js')).productsCommand,
  cohorts: async () => (await import('./cohorts.js')).cohortsCommand,
  predict: async () => (await import('./predict.js')).predictCommand,
  report: async () => (await import('./report.js')).reportCommand,
  leaders: async () => (await import('./leaders.js')).leadersCommand,
  commission: async () => (await import('./commission.js')).commissionCommand,
  kit: async () => (await import('./kit.js')).kitCommand,
  script: async () => (await import('./script.js')).scriptCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  today: async () => (await import('./today.js')).todayCommand,
  log: async () => (await import('./log.js')).logCommand,
  review: async () => (await import('./review.js')).reviewCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  kpi: async () => (await import('./kpi.js')).kpiCommand,
  alerts: async () => (await import('./alerts.js')).alertsCommand,
  config: async () => (await import('./config.js')).configCommand,
  init: async () => (await import('./init.js')).initCommand,
  completion: async () => (await import('./completion.js')).completionCommand,
};

/** Global options that take a value (their value is not the command name). */
const VALUE_OPTIONS = new Set(['--db', '--config', '--as-of', '--lang']);

/** The command named on the command line, if any (`tuan --db x segment …` → `segment`). */
export function commandName(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

/** The specs to register: only the named command's, or all of them (help, a typo, no command). */
export async function loadSpecs(argv: readonly string[]): Promise<CommandSpec[]> {
  const name = commandName(argv);
  const load = name === null || !Object.hasOwn(COMMAND_LOADERS, name) ? undefined : COMMAND_LOADERS[name];
  if (load) return [await load()];
  return (await import('./index.js')).COMMANDS;
}
