/**
 * Denmark's 98 municipalities (kommuner) since 2007, with their regions. Microdata rows must
 * name one of these codes; region and country figures are sums over them.
 */

export type RegionCode = '1081' | '1082' | '1083' | '1084' | '1085';

export interface Region {
  code: RegionCode;
  name: { da: string; en: string };
}

export interface Kommune {
  /** Four-digit code, e.g. "0265". */
  code: string;
  name: string;
  region: RegionCode;
}

export const REGIONS: readonly Region[] = [
  { code: '1081', name: { da: 'Region Nordjylland', en: 'North Denmark Region' } },
  { code: '1082', name: { da: 'Region Midtjylland', en: 'Central Denmark Region' } },
  { code: '1083', name: { da: 'Region Syddanmark', en: 'Region of Southern Denmark' } },
  { code: '1084', name: { da: 'Region Hovedstaden', en: 'Capital Region of Denmark' } },
  { code: '1085', name: { da: 'Region Sjælland', en: 'Region Zealand' } },
];

const list = (region: RegionCode, rows: [string, string][]): Kommune[] =>
  rows.map(([code, name]) => ({ code, name, region }));

export const KOMMUNER: readonly Kommune[] = [
  ...list('1084', [
    ['0101', 'København'],
    ['0147', 'Frederiksberg'],
    ['0151', 'Ballerup'],
    ['0153', 'Brøndby'],
    ['0155', 'Dragør'],
    ['0157', 'Gentofte'],
    ['0159', 'Gladsaxe'],
    ['0161', 'Glostrup'],
    ['0163', 'Herlev'],
    ['0165', 'Albertslund'],
    ['0167', 'Hvidovre'],
    ['0169', 'Høje-Taastrup'],
    ['0173', 'Lyngby-Taarbæk'],
    ['0175', 'Rødovre'],
    ['0183', 'Ishøj'],
    ['0185', 'Tårnby'],
    ['0187', 'Vallensbæk'],
    ['0190', 'Furesø'],
    ['0201', 'Allerød'],
    ['0210', 'Fredensborg'],
    ['0217', 'Helsingør'],
    ['0219', 'Hillerød'],
    ['0223', 'Hørsholm'],
    ['0230', 'Rudersdal'],
    ['0240', 'Egedal'],
    ['0250', 'Frederikssund'],
    ['0260', 'Halsnæs'],
    ['0270', 'Gribskov'],
    ['0400', 'Bornholm'],
  ]),
  ...list('1085', [
    ['0253', 'Greve'],
    ['0259', 'Køge'],
    ['0265', 'Roskilde'],
    ['0269', 'Solrød'],
    ['0306', 'Odsherred'],
    ['0316', 'Holbæk'],
    ['0320', 'Faxe'],
    ['0326', 'Kalundborg'],
    ['0329', 'Ringsted'],
    ['0330', 'Slagelse'],
    ['0336', 'Stevns'],
    ['0340', 'Sorø'],
    ['0350', 'Lejre'],
    ['0360', 'Lolland'],
    ['0370', 'Næstved'],
    ['0376', 'Guldborgsund'],
    ['0390', 'Vordingborg'],
  ]),
  ...list('1083', [
    ['0410', 'Middelfart'],
    ['0420', 'Assens'],
    ['0430', 'Faaborg-Midtfyn'],
    ['0440', 'Kerteminde'],
    ['0450', 'Nyborg'],
    ['0461', 'Odense'],
    ['0479', 'Svendborg'],
    ['0480', 'Nordfyns'],
    ['0482', 'Langeland'],
    ['0492', 'Ærø'],
    ['0510', 'Haderslev'],
    ['0530', 'Billund'],
    ['0540', 'Sønderborg'],
    ['0550', 'Tønder'],
    ['0561', 'Esbjerg'],
    ['0563', 'Fanø'],
    ['0573', 'Varde'],
    ['0575', 'Vejen'],
    ['0580', 'Aabenraa'],
    ['0607', 'Fredericia'],
    ['0621', 'Kolding'],
    ['0630', 'Vejle'],
  ]),
  ...list('1082', [
    ['0615', 'Horsens'],
    ['0657', 'Herning'],
    ['0661', 'Holstebro'],
    ['0665', 'Lemvig'],
    ['0671', 'Struer'],
    ['0706', 'Syddjurs'],
    ['0707', 'Norddjurs'],
    ['0710', 'Favrskov'],
    ['0727', 'Odder'],
    ['0730', 'Randers'],
    ['0740', 'Silkeborg'],
    ['0741', 'Samsø'],
    ['0746', 'Skanderborg'],
    ['0751', 'Aarhus'],
    ['0756', 'Ikast-Brande'],
    ['0760', 'Ringkøbing-Skjern'],
    ['0766', 'Hedensted'],
    ['0779', 'Skive'],
    ['0791', 'Viborg'],
  ]),
  ...list('1081', [
    ['0773', 'Morsø'],
    ['0787', 'Thisted'],
    ['0810', 'Brønderslev'],
    ['0813', 'Frederikshavn'],
    ['0820', 'Vesthimmerlands'],
    ['0825', 'Læsø'],
    ['0840', 'Rebild'],
    ['0846', 'Mariagerfjord'],
    ['0849', 'Jammerbugt'],
    ['0851', 'Aalborg'],
    ['0860', 'Hjørring'],
  ]),
];

const byCode = new Map(KOMMUNER.map((k) => [k.code, k]));

/** The municipality with this four-digit code, if it is one of the 98. */
export function kommune(code: string): Kommune | undefined {
  return byCode.get(code);
}

export function regionOf(code: string): RegionCode | undefined {
  return byCode.get(code)?.region;
}

/** "265" and " 0265 " both mean Roskilde; anything that is not 1–4 digits is returned unchanged. */
export function normaliseKommuneCode(raw: string): string {
  const s = raw.trim();
  return /^\d{1,4}$/.test(s) ? s.padStart(4, '0') : s;
}
