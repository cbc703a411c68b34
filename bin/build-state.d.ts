/** true when dist/ (or `outDir`) exists and none of the files it was built from changed. */
export function isBuildFresh(root: string, outDir?: string): boolean;
