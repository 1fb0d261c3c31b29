import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: two processes opening one data folder corrupt it. A lock
 * file holding the owner's pid turns that into a clear error. A pid file (rather than
 * an mtime-refreshed lock) lets a restart after a crash take over at once, because a
 * dead pid is detectable immediately on the same machine.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${ownerPid}). ` +
        "Stop that process (e.g. the running solegraph server) or point SOLEGRAPH_DATA_DIR elsewhere.",
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  release(): void;
}

const LOCK_FILE = "solegraph.lock";

export function lockDataDir(dataDir: string): DataDirLock {
  keepPrivate(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          keepPrivate(dataDir);
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (!isExistsError(error)) throw error;
      const owner = readOwner(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      if (owner === process.pid) throw new DataDirLockedError(dataDir, owner);
      // The owner died without releasing the lock: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: the lock file keeps reappearing.`);
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isExistsError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EEXIST";
}

/**
 * The embedded database's files are the owner's only: the folder 0700, which nobody
 * else can enter, and what is in it 0600 (0700 for folders). PGlite's file system
 * creates files 0666 whatever the umask, so the modes are set when the folder is
 * opened (also fixing a folder from an older version) and again when it is closed.
 */
export function keepPrivate(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fix = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    const mode = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== mode) fs.chmodSync(entry, mode);
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) fix(path.join(entry, child));
  };
  fix(dataDir);
}
