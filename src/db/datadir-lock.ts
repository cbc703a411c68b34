import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LighedError } from '../platform/errors.ts';

/**
 * PGlite does not lock its data directory, and two processes on one directory silently lose
 * committed rows. We hold a lock file with our pid; a live holder makes us refuse to start.
 *
 * Taking the lock is atomic: the pid is written to a file of our own first and hard-linked to
 * the lock's name (link fails if the name exists), so the lock is never seen empty. Taking over
 * a stale lock (its process is gone) goes through a second file created exclusively, so of two
 * starters that both see the same stale lock only one removes it; the other then sees the
 * winner alive and is refused.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'lighed.lock');
  const mine = join(dataDir, `lighed.lock.${process.pid}`);
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryLink(mine, file)) return releaser(file);
      const holder = readHolder(file);
      if (holder === 'gone') continue;
      if (holder !== 'stale' && holder !== process.pid) throw lockedBy(dataDir, holder);
      takeOverStale(file, mine, dataDir);
      return releaser(file);
    }
    throw new LighedError('LIGHED_ERR_DATADIR_LOCKED', `Could not lock ${dataDir}.`);
  } finally {
    unlinkQuietly(mine);
  }
}

/** Seconds after which a half-finished takeover (its starter crashed) no longer blocks. */
const TAKEOVER_TIMEOUT_MS = 10_000;

function takeOverStale(file: string, mine: string, dataDir: string) {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (ageMs(guard) > TAKEOVER_TIMEOUT_MS) unlinkQuietly(guard);
    throw new LighedError(
      'LIGHED_ERR_DATADIR_LOCKED',
      `Another Lighed process is starting on ${dataDir} right now. Try again in a moment.`,
    );
  }
  try {
    // Under the guard: is the lock still stale? Someone may have taken it since we looked.
    const holder = readHolder(file);
    if (holder !== 'stale' && holder !== 'gone' && holder !== process.pid) {
      throw lockedBy(dataDir, holder);
    }
    if (holder !== 'gone') unlinkQuietly(file);
    if (!tryLink(mine, file)) throw lockedBy(dataDir, readHolder(file));
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** The live holder's pid, 'stale' when its process is gone, 'gone' when there is no lock. */
function readHolder(file: string): number | 'stale' | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const pid = Number(text.trim());
  // An empty or garbled lock can only be left by an older Lighed that crashed mid-write (this
  // one never shows an empty lock): stale once it is not brand new.
  if (!Number.isInteger(pid) || pid <= 0) return ageMs(file) > TAKEOVER_TIMEOUT_MS ? 'stale' : 0;
  return isAlive(pid) ? pid : 'stale';
}

function lockedBy(dataDir: string, holder: number | 'stale' | 'gone') {
  const who = typeof holder === 'number' && holder > 0 ? ` (pid ${holder})` : '';
  return new LighedError(
    'LIGHED_ERR_DATADIR_LOCKED',
    `The data directory ${dataDir} is in use by another Lighed process${who}. ` +
      'Stop that process, or set LIGHED_DATA_DIR to another directory.',
  );
}

function releaser(file: string) {
  return () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
