/** Public surface of core/templating: what other folders may import. */
export { describeFields, sampleOf } from './context-schema.js';
export type { LintIssue, LintResult } from './lint-issue.js';
export { FREQUENCY_WORDS, findTerms, lineAt } from './lint-terms.js';
export { walkTemplate } from './lint-walk.js';
export type { Node, PartialSource } from './lint-walk.js';
export { ACTIVITY_TEMPLATES, SCENES, TEMPLATE_NAMES, contextOf } from './template-contexts.js';
export type { Scene } from './template-contexts.js';
