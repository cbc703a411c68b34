/**
 * The postcode table Lighed ships (postcodes.csv: every postcode of the demo municipality and
 * the main towns of all 98 municipalities), loaded into `postcode` so a postcode search works
 * offline. Re-running is cheap and keeps the table in step with the file.
 */
import { readFileSync } from 'node:fs';

export interface PostcodeRow {
  postnummer: string;
  name: string;
  kommune: string;
  latitude: number;
  longitude: number;
}

export function readPostcodes(
  csv = readFileSync(new URL('./postcodes.csv', import.meta.url), 'utf8'),
): PostcodeRow[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (header?.trim() !== 'postnummer,name,kommune,latitude,longitude')
    throw new Error('postcodes.csv: unexpected header');
  return lines.map((line, i) => {
    const [postnummer, name, kommune, lat, lon] = line.split(',');
    const row = {
      postnummer: postnummer ?? '',
      name: name ?? '',
      kommune: kommune ?? '',
      latitude: Number(lat),
      longitude: Number(lon),
    };
    if (
      !/^\d{4}$/.test(row.postnummer) ||
      !row.name ||
      !/^\d{4}$/.test(row.kommune) ||
      !Number.isFinite(row.latitude) ||
      !Number.isFinite(row.longitude)
    ) {
      throw new Error(`postcodes.csv line ${i + 2}: malformed row`);
    }
    return row;
  });
}
