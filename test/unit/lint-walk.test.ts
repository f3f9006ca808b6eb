import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { walkTemplate, type Node, type PartialSource } from '../../src/core/templating/lint-walk.js';
import { KIT_CONTEXT, PLAN_CONTEXT, SCRIPT_CONTEXT } from '../../src/core/templating/template-contexts.js';
import type { ObjectField } from '../../src/core/templating/context-schema.js';

const HELPERS = new Set(['each', 'if', 'unless', 'with', 'lookup', 'yuan', 'pct', 'date', 'eq', 'ne', 'inc', 'plural', 'join']);
const parse = (s: string) => Handlebars.parse(s) as unknown as Node;
const walk = (src: string, ctx: ObjectField | null, partials: Record<string, string> = {}) =>
  walkTemplate(parse(src), 'x.hbs', ctx, {
    helpers: HELPERS,
    partials: new Map<string, PartialSource>(Object.entries(partials).map(([k, v]) => [k, { ast: parse(v), file: `_${k}.hbs` }])),
  }).map((i) => `${i.file}:${i.line} ${i.rule} ${i.subject}${i.detail ? ` (${i.detail})` : ''}`);

describe('checking templates against their documented context (core/templating/lint-walk.ts)', () => {
  it('accepts what the context documents, through #each, #with, block params, ../ and @root', () => {
    expect(
      walk(
        [
          '{{member.name}} {{yuan member.spend_fen}} {{#if member.favourite}}{{member.favourite.name}}{{/if}}',
          '{{#with member}}{{id}} {{../lang}} {{#each last_order.products}}{{this}}{{@index}}{{/each}}{{/with}}',
          '{{#each member.last_order.products as |p i|}}{{p}}{{i}}{{@root.scene.code}}{{/each}}',
          '{{schedule.interactions.[0]}} {{schedule.interactions.length}} {{#if (eq member.stage.code "silent")}}x{{/if}}',
        ].join('\n'),
        SCRIPT_CONTEXT,
      ),
    ).toEqual([]);
  });

  it('reports unknown variables, helpers and partials with their lines', () => {
    expect(
      walk('{{member.nmae}}\n{{shout member.name}}\n{{#each member.favourites}}{{name}}{{/each}}\n{{> nope}}\n{{@index}}', SCRIPT_CONTEXT),
    ).toEqual([
      'x.hbs:1 unknown-variable member.nmae',
      'x.hbs:2 unknown-helper shout',
      'x.hbs:3 unknown-variable member.favourites',
      'x.hbs:4 unknown-partial nope',
      'x.hbs:5 unknown-variable @index (each-only)',
    ]);
  });

  it('a prototype key is an unknown variable, not a field (#12)', () => {
    expect(walk('{{member.constructor}}\n{{member.toString}}\n{{member.__proto__.x}}', SCRIPT_CONTEXT)).toEqual([
      'x.hbs:1 unknown-variable member.constructor',
      'x.hbs:2 unknown-variable member.toString',
      'x.hbs:3 unknown-variable member.__proto__.x',
    ]);
  });

  it('reports printing a whole object and using a helper as a block', () => {
    expect(walk('{{member}}\n{{#yuan member.spend_fen}}x{{/yuan}}', SCRIPT_CONTEXT)).toEqual([
      'x.hbs:1 prints-object member (object)',
      'x.hbs:2 unknown-helper yuan (block)',
    ]);
  });

  it('checks a partial at its call site, with hash values, and names the partial file', () => {
    expect(walk('{{#each members.top}}\n{{> row n=../stage.name}}\n{{/each}}', KIT_CONTEXT, { row: '{{n}} {{name}}\n{{nope}}' })).toEqual([
      '_row.hbs:2 unknown-variable nope',
    ]);
  });

  it('flags per-day sections that reach member lists outside their day (silent members messaged every day)', () => {
    expect(walk('{{#each days}}{{#each tasks}}{{count}}{{/each}}{{/each}}', PLAN_CONTEXT)).toEqual([]);
    expect(walk('{{#each days}}\n{{#each @root.appendix}}{{#each members}}{{name}}{{/each}}{{/each}}\n{{/each}}', PLAN_CONTEXT)).toEqual([
      'x.hbs:2 silent-frequency @root.appendix (per-day)',
    ]);
    expect(walk('{{#each days}}{{#each tasks}}\n{{#each ../../appendix}}{{ref}}{{/each}}{{/each}}{{/each}}', PLAN_CONTEXT)).toEqual([
      'x.hbs:2 silent-frequency ../../appendix (per-day)',
    ]);
    expect(walk('{{#each appendix}}{{ref}}{{/each}}', PLAN_CONTEXT)).toEqual([]); // once, outside the days: fine
  });

  it('a literal passed to a partial is a text, and an unknown context stays unknown', () => {
    expect(walk('{{> box label="标题"}}', SCRIPT_CONTEXT, { box: '{{label}} {{lang}}' })).toEqual([]);
    expect(walk('{{> box label="x"}}', null, { box: '{{label}} {{whatever.x}}' })).toEqual([]);
  });

  it('without a context (a partial nobody calls) only helpers and partials are checked', () => {
    expect(walk('{{anything.at.all}} {{nope x}}', null)).toEqual(['x.hbs:1 unknown-helper nope']);
  });
});
