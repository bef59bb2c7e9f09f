/** CSV as spreadsheets read it: RFC 4180 cells and lines (CRLF), text that cannot run as a formula. */

/**
 * Text a spreadsheet would run as a formula (=, +, -, @ first, or a tab or carriage return that hides one) stays
 * text: a leading apostrophe (OWASP's advice for CSV injection).
 */
export const asText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Quotes a cell that holds a separator, a quote or a line break; null is an empty cell. */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells as one CSV document, every line ended by CRLF. */
export const csvLines = (rows: Array<Array<string | null>>): string =>
  rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
