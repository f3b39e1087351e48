/**
 * URL keys of the live bench beyond the shared configuration. They sit apart from the
 * modules that parse them, so the article names them without pulling those modules into
 * its first load (which grew by 47 kB gzip when it imported them from urlExtras.ts).
 */

/** Backend choice: auto, webgl, wasm or cpu. */
export const BACKEND_URL_KEY = 'backend';

/** Seed of the random weights and the input. */
export const SEED_URL_KEY = 'seed';

/** Timed runs per model. */
export const REPEATS_URL_KEY = 'repeats';

/** Prefix of every key of the live bench embedded in the article. */
export const EMBEDDED_LIVE_PREFIX = 'live.';

/** Every key of the live bench beyond the shared configuration, without a prefix. */
export const LIVE_EXTRA_KEYS: ReadonlySet<string> = new Set([BACKEND_URL_KEY, SEED_URL_KEY, REPEATS_URL_KEY]);
