/** The monitor is a staff tool in Danish with English (issue 3). */
export const MONITOR_LANGUAGES_LIST = ['da', 'en'] as const;
