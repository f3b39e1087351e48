/**
 * Contract between bench/run.ts and each bench/*.bench.ts module. The runner builds and
 * serves the static site, then calls each module's default export in turn.
 */

export interface BenchContext {
  /** Absolute path of the static export (the folder `next build` wrote). */
  siteDir: string;
  /** Origin the runner serves `siteDir` at, without a trailing slash: http://127.0.0.1:3290. */
  baseUrl: string;
}

export interface BenchResult {
  /** Section heading on docs/benchmarks.md. */
  title: string;
  /** Section body: the method, then each figure against its target. */
  markdown: string;
}

export type BenchModule = (context: BenchContext) => Promise<BenchResult>;
