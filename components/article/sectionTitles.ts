/** Titles of the article's sections by anchor id, shared by the page, the slides and the section controls' accessible names. */
export const SECTION_TITLES = {
  'fusion-in-decoder': 'Retrieval-augmented reading: FiD in one picture',
  flops: 'Where the FLOPs go',
  'memory-bandwidth': 'Where the time goes: memory bandwidth and the roofline',
  'layer-sparse-cross-attention': 'Layer-sparse cross-attention',
  'multi-query-attention': 'Multi-query attention',
  'asymmetric-decoder': 'The asymmetric decoder: a larger decoder at small cost',
  'output-length-and-batch': 'Output length and batch size',
  'run-it-yourself': 'Run it yourself: a tiny FiDO race',
  'paper-check': 'Paper check, assumptions and references',
} as const;

export type SectionId = keyof typeof SECTION_TITLES;
