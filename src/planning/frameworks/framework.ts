/**
 * A recommendation framework held as data (decision 0023): its items in order, each a
 * recommendation ('7') or one of its points ('7.2'), with the source's own Danish text and the
 * departments we suggest as owners (a municipality changes them after adopting).
 */
import type { Department } from '../intervention.ts';

export interface FrameworkItem {
  code: string;
  title: string;
  text: string;
  departments: Department[];
}

export interface Framework {
  key: string;
  /** The framework's name as its publisher writes it (Danish). */
  name: string;
  publisher: string;
  year: number;
  /** The seed document it was taken from (shared/seeds/). */
  source: string;
  items: FrameworkItem[];
}

/** Items of one recommendation: the recommendation itself and then its points. */
export const point = (code: string, text: string, departments: Department[]): FrameworkItem => ({
  code,
  title: text,
  text: '',
  departments,
});
