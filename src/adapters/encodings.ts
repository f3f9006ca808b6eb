/** Moved to core/ingest/encodings.ts (a pure list); re-exported for the adapters that read files. */
export * from '../core/ingest/encodings.js';
