import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { COMMAND_LOADERS, commandName, loadSpecs } from '../../src/commands/registry.js';

describe('command registry (lazy loading by name)', () => {
  it('has a loader for every command, in the same order, each loading that command', async () => {
    expect(Object.keys(COMMAND_LOADERS)).toEqual(COMMANDS.map((c) => c.name));
    for (const [name, load] of Object.entries(COMMAND_LOADERS)) expect((await load()).name).toBe(name);
  });
  it.each([
    [['segment', 'x.csv'], 'segment'],
    [['--db', 'my.db', '--as-of', '2026-10-31', 'kpi', 'check'], 'kpi'],
    [['--no-color', '--lang', 'en', 'plan'], 'plan'],
    [['--help'], null],
    [[], null],
  ])('%j names %s', (argv, name) => {
    expect(commandName(argv)).toBe(name);
  });
  it('loads one command when one is named, all of them otherwise', async () => {
    expect((await loadSpecs(['status'])).map((c) => c.name)).toEqual(['status']);
    expect(await loadSpecs(['stauts'])).toHaveLength(COMMANDS.length); // a typo gets "did you mean"
  });
});
