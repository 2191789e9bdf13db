// Kills a worker and every process it started. A worker leads its own process group and session, but a
// handler's child can leave both (setsid) and would then outlive a group kill. On Linux, /proc names them all:
// the worker's descendants by parent pid, every process in a group or session one of them leads, and every
// process whose environment holds the worker's own marker (its LAMBDA_TASK_ROOT, which children inherit:
// that finds a double-forked daemon, or a child left behind by a worker that exited). Elsewhere only the
// worker's process group is reached.

import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
}

// A fork loop could outrun the scans; after this many rounds the group kill is all that is left to do.
const MAX_ROUNDS = 20;

/** Live processes (zombies are already dead); undefined where there is no /proc. */
function readProcesses(): ProcessEntry[] | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const processes: ProcessEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // `pid (comm) state ppid pgrp session ...`: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, ppid, pgid, sid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') continue;
    processes.push({ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid) });
  }
  return processes;
}

function environmentHolds(pid: number, variable: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${variable}\0`);
  } catch {
    return false; // gone, or another user's
  }
}

/** The processes that belong to the worker `root`, root itself excluded. */
function descendantsOf(root: number, marker: string, processes: readonly ProcessEntry[]): Set<number> {
  const members = new Set([root, ...processes.filter((entry) => environmentHolds(entry.pid, marker)).map((entry) => entry.pid)]);
  // Process groups and sessions are named after their leader: the worker's, or those its descendants created.
  const groups = new Set([root]);
  for (const entry of processes) if (members.has(entry.pid)) groups.add(entry.pgid).add(entry.sid);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of processes) {
      if (members.has(entry.pid) || !(members.has(entry.ppid) || groups.has(entry.pgid) || groups.has(entry.sid))) continue;
      members.add(entry.pid);
      groups.add(entry.pgid).add(entry.sid);
      grew = true;
    }
  }
  members.delete(root);
  return members;
}

function sigkill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * SIGKILLs the worker `root` (a process group leader) and everything it started; `marker` is a NAME=value
 * only its processes have in their environment. The descendants go first,
 * while the worker lives: an orphan is then reparented to it (the Python bootstrap is a child subreaper) or
 * keeps its group and session, so the next scan still finds it. Synchronous: the process exit hook uses it.
 */
export function killProcessTree(root: number, marker: string): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const processes = readProcesses();
    if (!processes) break;
    const descendants = descendantsOf(root, marker, processes);
    if (descendants.size === 0) break;
    for (const pid of descendants) sigkill(pid);
  }
  sigkill(-root);
}
