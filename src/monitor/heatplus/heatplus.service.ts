/**
 * A planner's HEAT Plus template in, every summary measure out (or the problems by line and
 * column). Nothing is stored: the figures are the planner's own file.
 */
import type { UploadFile } from '../upload.ts';
import { groupMeasures, type GroupMeasures } from './measures.ts';
import { readTemplateCsv, readTemplateXlsx } from './template.read.ts';
import { hasErrors, type TemplateProblem } from './template.validate.ts';

export interface TemplateMeasures {
  /** 400 without a file, 422 when the file has errors. */
  status: 200 | 400 | 422;
  fileName?: string;
  problems: TemplateProblem[];
  results?: GroupMeasures[];
}

export async function measureTemplate(file: UploadFile | null): Promise<TemplateMeasures> {
  if (!file) {
    const problems: TemplateProblem[] = [
      {
        severity: 'error',
        line: 0,
        da: 'Vælg en fil i HEAT Plus-skabelonen.',
        en: 'Choose a file in the HEAT Plus template.',
      },
    ];
    return { status: 400, problems };
  }
  // An XLSX file is a zip: it starts with "PK".
  const xlsx = file.data[0] === 0x50 && file.data[1] === 0x4b;
  const parsed = xlsx
    ? await readTemplateXlsx(file.data)
    : readTemplateCsv(file.data.toString('utf8'));
  if (hasErrors(parsed.problems))
    return { status: 422, fileName: file.name, problems: parsed.problems };
  const results = parsed.groups.map((g) => groupMeasures(g));
  return { status: 200, fileName: file.name, problems: parsed.problems, results };
}
