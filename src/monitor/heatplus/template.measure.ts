/**
 * The work behind the HEAT Plus upload, from bytes to measures: run in a worker thread
 * (measure.worker.ts), never on the event loop, and bounded by HEATPLUS_LIMITS.
 */
import { HEATPLUS_LIMITS, megabytes } from '../upload.ts';
import { zipContents } from '../zip.ts';
import { groupMeasures, type GroupMeasures } from './measures.ts';
import { readTemplateCsv, readTemplateXlsx } from './template.read.ts';
import { hasErrors, type TemplateProblem } from './template.validate.ts';

export interface TemplateMeasures {
  /** 400 without a file, 413 when it is too large, 422 when the file has errors. */
  status: 200 | 400 | 413 | 422;
  fileName?: string;
  problems: TemplateProblem[];
  results?: GroupMeasures[];
}

const error = (da: string, en: string): TemplateProblem => ({ severity: 'error', line: 0, da, en });

export const fileTooLarge = (fileName: string): TemplateMeasures => ({
  status: 413,
  fileName,
  problems: [
    error(
      `Filen er større end ${megabytes(HEATPLUS_LIMITS.bytes)} MB. Del den, eller brug kommandoen lighed measures.`,
      `The file is larger than ${megabytes(HEATPLUS_LIMITS.bytes)} MB. Split it, or use the command lighed measures.`,
    ),
  ],
});

export async function measureTemplateData(
  fileName: string,
  data: Uint8Array,
  limits: Record<keyof typeof HEATPLUS_LIMITS, number> = HEATPLUS_LIMITS,
): Promise<TemplateMeasures> {
  // An XLSX file is a zip: it starts with "PK".
  const xlsx = data[0] === 0x50 && data[1] === 0x4b;
  if (xlsx) {
    const zip = zipContents(data);
    if (zip && zip.uncompressed > limits.xlsxUncompressedBytes)
      return {
        status: 413,
        fileName,
        problems: [
          error(
            `Regnearket fylder over ${megabytes(limits.xlsxUncompressedBytes)} MB udpakket. Gem det som CSV, eller del det.`,
            `The workbook takes more than ${megabytes(limits.xlsxUncompressedBytes)} MB unpacked. Save it as CSV, or split it.`,
          ),
        ],
      };
  }
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parsed = xlsx
    ? await readTemplateXlsx(buffer, limits)
    : readTemplateCsv(buffer.toString('utf8'), limits);
  if (hasErrors(parsed.problems)) return { status: 422, fileName, problems: parsed.problems };
  if (parsed.groups.length > limits.groups)
    return {
      status: 422,
      fileName,
      problems: [
        error(
          `Filen har ${parsed.groups.length} grupper (indikator x ulighedsdimension x år x område); siden viser højst ${limits.groups}. Del filen, eller brug kommandoen lighed measures.`,
          `The file has ${parsed.groups.length} groups (indicator x dimension x date x setting); the page shows at most ${limits.groups}. Split the file, or use the command lighed measures.`,
        ),
      ],
    };
  const results = parsed.groups.map((g) => groupMeasures(g));
  return { status: 200, fileName, problems: parsed.problems, results };
}
