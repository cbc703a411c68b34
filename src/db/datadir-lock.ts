import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { LighedError } from '../platform/errors.ts';

/**
 * PGlite does not lock its data directory, and two processes on one directory silently lose
 * committed rows. We hold a lock file with our pid; a live holder makes us refuse to start.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'lighed.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new LighedError(
          'LIGHED_ERR_DATADIR_LOCKED',
          `The data directory ${dataDir} is in use by another Lighed process (pid ${holder}). ` +
            'Stop that process, or set LIGHED_DATA_DIR to another directory.',
        );
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new LighedError('LIGHED_ERR_DATADIR_LOCKED', `Could not lock ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
