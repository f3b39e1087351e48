/** Formats a count with its noun in the right number: "1 layer", "2 layers", "0 layers". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
