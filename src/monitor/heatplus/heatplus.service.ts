/**
 * A planner's HEAT Plus template in, every summary measure out (or the problems by line and
 * column). Nothing is stored: the figures are the planner's own file. The file is read and
 * measured in a worker thread, so a large one never holds up other requests.
 */
import type { UploadFile } from '../upload.ts';
import { runInWorker, transferable, WorkerFailed } from '../worker.ts';
import { fileTooLarge, type TemplateMeasures } from './template.measure.ts';

export type { TemplateMeasures } from './template.measure.ts';

const WORKER = new URL('./measure.worker.ts', import.meta.url);

export async function measureTemplate(file: UploadFile | null): Promise<TemplateMeasures> {
  if (!file) {
    return {
      status: 400,
      problems: [
        {
          severity: 'error',
          line: 0,
          da: 'Vælg en fil i HEAT Plus-skabelonen.',
          en: 'Choose a file in the HEAT Plus template.',
        },
      ],
    };
  }
  if (file.truncated) return fileTooLarge(file.name);
  const { bytes, transfer } = transferable(file.data);
  try {
    return await runInWorker<TemplateMeasures>(WORKER, { fileName: file.name, bytes }, transfer);
  } catch (e) {
    if (!(e instanceof WorkerFailed)) throw e;
    // Out of the worker's memory (a workbook whose directory understated its size) or time.
    return {
      status: 422,
      fileName: file.name,
      problems: [
        {
          severity: 'error',
          line: 0,
          da: 'Filen kan ikke beregnes inden for grænserne for hukommelse og tid. Gem den som CSV, del den, eller brug kommandoen lighed measures.',
          en: 'The file cannot be computed within the memory and time limits. Save it as CSV, split it, or use the command lighed measures.',
        },
      ],
    };
  }
}
