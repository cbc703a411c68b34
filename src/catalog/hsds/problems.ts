/**
 * Problems of an import, named by record and field: a JSON path (`services[3].name`) or a CSV
 * cell (`locations.csv line 7, column latitude`).
 */
import type { FieldProblem } from '../../platform/errors.ts';

/** Names a field of a record for problems: JSON path or `file.csv line N, column x`. */
export type Where = (field?: string) => string;

export const jsonWhere =
  (path: string): Where =>
  (field) =>
    !field ? path : field.startsWith('[') ? `${path}${field}` : path ? `${path}.${field}` : field;

/** The problems and warnings of one read, and where each object came from. */
export class ReadLog {
  readonly problems: FieldProblem[] = [];
  readonly warnings: FieldProblem[] = [];

  /** `where` labels for objects assembled from CSV rows. */
  constructor(readonly labels: WeakMap<object, Where> = new WeakMap()) {}

  whereOf(obj: object, path: string): Where {
    return this.labels.get(obj) ?? jsonWhere(path);
  }

  /** Where a nested object is: its own label (a CSV row), else `parent.prop`. */
  nested(parent: Where, obj: object | undefined, prop: string): Where {
    const own = obj ? this.labels.get(obj) : undefined;
    return own ?? ((field?: string) => parent(field ? `${prop}.${field}` : prop));
  }

  problem(path: string, message: string) {
    this.problems.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }
}
