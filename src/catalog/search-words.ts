/**
 * The finder's word lists (decision 0011): Danish stop words, related words a citizen means
 * by a search word, and idioms in which a word does not mean itself. Data, no logic; the
 * rules that use them are in finder.ts.
 */

/**
 * PostgreSQL's Danish stop words (tsearch_data/danish.stop, the Snowball list). PostgreSQL drops
 * them from a tsquery anyway; the finder drops them first, so "motion for ældre" is two words
 * that must match, not three.
 */
export const DANISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
  min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
  alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
  også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive
  mange ad bliver hendes været thi jer sådan`.split(/\s+/),
);

/**
 * Related words: what a citizen searching for the key most likely wants, as offers in Danish
 * municipalities name it. One direction only (a search for "gåtur" is not widened to "gang").
 * Each related word also matches as a prefix ("gåtur" finds "gåture"). Keep the lists short:
 * every word widens the search, and a related match ranks below the word itself (finder.ts).
 */
export const RELATED_WORDS: Readonly<Record<string, readonly string[]>> = {
  gang: ['gåtur', 'gågruppe', 'gåfællesskab', 'stavgang', 'gåmakker', 'vandring'],
  gå: ['gåtur', 'gågruppe', 'gåfællesskab', 'stavgang', 'gåmakker'],
  gåtur: ['gågruppe', 'gåfællesskab', 'stavgang', 'gåmakker'],
  walk: ['gåtur', 'gågruppe', 'gåfællesskab', 'stavgang'],
  rygestop: ['rygning', 'røgfri', 'nikotin'],
  ryge: ['rygestop', 'rygning', 'røgfri', 'nikotin'],
  rygning: ['rygestop', 'røgfri', 'nikotin'],
  smøg: ['rygestop', 'rygning', 'røgfri'],
  motion: ['træning', 'idræt', 'bevægelse', 'gymnastik', 'sport'],
  træning: ['motion', 'idræt', 'gymnastik'],
  idræt: ['motion', 'træning', 'sport'],
  ældre: ['senior', 'pensionist'],
  senior: ['ældre', 'pensionist'],
  pensionist: ['ældre', 'senior'],
  mad: ['kost', 'måltid', 'madlavning', 'fællesspisning', 'spisefællesskab'],
  kost: ['mad', 'diætist', 'ernæring'],
  diabetes: ['sukkersyge', 'blodsukker'],
  sukkersyge: ['diabetes', 'blodsukker'],
  stress: ['mindfulness', 'afspænding'],
  søvn: ['sove', 'søvnløshed'],
  ensomhed: ['fællesskab', 'besøgsven', 'netværk'],
  ensom: ['fællesskab', 'besøgsven', 'netværk'],
  yoga: ['mindfulness', 'afspænding', 'udstrækning', 'pilates'],
  svømning: ['svømme', 'vandgymnastik', 'vinterbadning'],
  dans: ['zumba', 'linedance'],
  cykling: ['cykel', 'cykle'],
  kræft: ['cancer'],
  alkohol: ['druk', 'alkoholrådgivning'],
  angst: ['depression', 'uro'],
};

/**
 * Idioms in which a word does not carry its meaning ("kom i gang", "første gang", "to gange"
 * have nothing to do with walking). A summary or description that has the word only inside
 * such an idiom does not match it. PostgreSQL regular expressions (ARE), lower case.
 */
export const IDIOMS: Readonly<Record<string, string>> = {
  // "i gang", "første gang", "en gang om ugen", "ad gangen", and every plural: in offer texts
  // "gange" counts times ("6 korte gange", "to gange om ugen").
  gang: '(^|[^[:alnum:]])((i|første|anden|tredje|sidste|næste|en|én|et|hver|ad|på|denne|nogen|nogle|to|[0-9]+)\\s+gang|gange|gangen|gangene)([^[:alnum:]]|$)',
};
