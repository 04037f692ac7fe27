// Markdown tables: the figures, their ratios and whether each meets its target.

const number = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const format = {
  rps: (value) => (value === undefined ? '-' : number(Math.round(value))),
  ms: (value) => (value === undefined ? '-' : value < 10 ? `${number(value, 2)} ms` : `${number(value)} ms`),
  mb: (value) => (value === undefined ? '-' : `${number(value / 2 ** 20)} MB`),
  ratio: (value) => (value === undefined ? '-' : `${number(value, 2)}x`),
};

export const verdict = (met) => (met === undefined ? '-' : met ? 'meets' : 'misses');

/** A markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
