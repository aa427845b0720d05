import Papa from 'papaparse';

/** A compliance CSV read back with Papa Parse: its four sections, each as objects keyed by its header. */
export interface ParsedComplianceCsv {
  report: Record<string, string>;
  controls: Array<Record<string, string>>;
  users: Array<Record<string, string>>;
  events: Array<Record<string, string>>;
  headers: string[][];
}

/** Splits at the blank lines between sections (the file ends with one CRLF, so no blank last line). */
export function parseComplianceCsv(body: string): ParsedComplianceCsv {
  const { data, errors } = Papa.parse<string[]>(body, { newline: '\r\n', skipEmptyLines: false });
  if (errors.length > 0) throw new Error(`CSV errors: ${JSON.stringify(errors)}`);
  const rows = data.at(-1)?.length === 1 && data.at(-1)?.[0] === '' ? data.slice(0, -1) : data;
  const sections: string[][][] = [[]];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') sections.push([]);
    else sections.at(-1)?.push(row);
  }
  const objects = (section: string[][] | undefined) => {
    const [header = [], ...body] = section ?? [];
    return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
  };
  const [report, controls, users, events] = sections;
  return {
    report: Object.fromEntries((report ?? []).slice(1).map(([field = '', value = '']) => [field, value])),
    controls: objects(controls),
    users: objects(users),
    events: objects(events),
    headers: sections.map((section) => section[0] ?? []),
  };
}

/** What a spreadsheet shows for a cell the export neutralised: the apostrophe prefix removed. */
export const unescapeFormula = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
