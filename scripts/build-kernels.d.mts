/** One WebAssembly text kernel and the TypeScript module generated from it. */
export interface KernelSource {
  source: string;
  output: string;
  constant: string;
}

export const KERNELS: readonly KernelSource[];

/** Assembles one kernel and returns the text of its generated module. */
export function generateKernelModule(kernel: KernelSource): Promise<string>;
