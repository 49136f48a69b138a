// CSV as spreadsheets and LMS gradebooks import it: RFC 4180 quoting, CRLF line ends, and a
// leading =+-@ prefixed so a spreadsheet never runs a cell as a formula.

function csvField(text: string): string {
  if (/^[=+\-@]/.test(text)) text = "'" + text;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
