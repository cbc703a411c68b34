/**
 * The work behind a HEAT Plus dataset import, from bytes to a dataset or its problems: run in a
 * worker thread (dataset.worker.ts), never on the event loop, and bounded by HEATPLUS_LIMITS
 * (the CLI passes none).
 */
import { HEATPLUS_LIMITS } from '../upload.ts';
import { templateDataset, type HeatPlusDataset } from './dataset.ts';
import { readTemplateBytes } from './template.read.ts';
import type { TemplateProblem } from './template.validate.ts';

export interface DatasetReadInput {
  bytes: Uint8Array;
  name?: string;
  synthetic?: boolean;
  limits?: { rows: number; columns: number; xlsxUncompressedBytes: number };
}

export type DatasetRead =
  | { ok: true; dataset: HeatPlusDataset; problems: TemplateProblem[] }
  | { ok: false; problems: TemplateProblem[] };

export async function readTemplateDataset(input: DatasetReadInput): Promise<DatasetRead> {
  const parsed = await readTemplateBytes(input.bytes, input.limits ?? HEATPLUS_LIMITS);
  return templateDataset(parsed, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.synthetic !== undefined ? { synthetic: input.synthetic } : {}),
  });
}
