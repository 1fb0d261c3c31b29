import fs from "node:fs";

/**
 * CPU time of a process tree from /proc (Linux): the process, its threads, and its
 * child processes (cluster workers), in milliseconds. `mainThread` is the process's
 * first thread alone: the event loop that serves requests.
 */
export interface CpuSample {
  readonly total: number;
  readonly mainThread: number;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux.

function ticks(statFile: string): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    const fields = fs.readFileSync(statFile, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

export function sampleCpu(pid: number): CpuSample {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...children(tree[i]!));
  return {
    total: tree.reduce((sum, p) => sum + ticks(`/proc/${p}/stat`), 0) * TICK_MS,
    mainThread: ticks(`/proc/${pid}/task/${pid}/stat`) * TICK_MS,
  };
}
