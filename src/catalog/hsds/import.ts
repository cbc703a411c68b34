/**
 * Import of HSDS JSON (HSDS → records): the entry point for a file or request body. Pure: no
 * database, no files (hsds.cli.ts reads them, import.store.ts writes the records).
 */
import { formatPath, nulPaths } from '../../platform/nul.ts';
import { isObject } from './fields.ts';
import type { HsdsReadResult } from './import-records.ts';
import { Reader, detectKind } from './import-reader.ts';
import { fromHsdsTables, NUL_MESSAGE, tabularJsonToTables } from './tabular.ts';

/**
 * Reads HSDS JSON: a service, organization, service_at_location or location; an array of them;
 * an API page (`{ contents: [...] }`); or the tabular JSON form (`{ "services.csv": [...] }`).
 * Every object is validated against the standard's schema first; problems name the record and
 * field (`services[3].name: required`). Text with a NUL character is refused first, by path.
 */
export function fromHsdsJson(value: unknown): HsdsReadResult {
  const nul = nulPaths(value);
  if (nul.length)
    return {
      records: { organizations: [], locations: [], offers: [] },
      problems: nul.map((p) => ({ path: formatPath(p) || '(file)', message: NUL_MESSAGE })),
      warnings: [],
    };
  if (isObject(value) && Object.keys(value).some((k) => k.endsWith('.csv')))
    return fromHsdsTables(tabularJsonToTables(value));
  const reader = new Reader();
  if (Array.isArray(value)) {
    if (value.length === 0) reader.problem('', 'the list is empty');
    value.forEach((item, i) => {
      const kind = isObject(item) ? detectKind(item) : null;
      reader.addTop(item, `${kind ?? 'record'}s[${i}]`);
    });
  } else if (isObject(value) && Array.isArray(value.contents)) {
    if (value.contents.length === 0) reader.problem('contents', 'the page is empty');
    value.contents.forEach((item, i) => reader.addTop(item, `contents[${i}]`));
  } else if (isObject(value)) {
    const kind = detectKind(value);
    reader.addTop(value, kind ?? 'record');
  } else {
    reader.problem('', 'not an HSDS object, list or page');
  }
  return reader.finish();
}
