/**
 * CPU time and memory of processes, read from /proc (Linux): the Backbone's node process, and the PostgreSQL server
 * (its postmaster, the children it already reaped, and its live backends).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
    if (ticksPerSecond === undefined) {
        try {
            ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
        } catch {
            ticksPerSecond = 100;
        }
    }
    return ticksPerSecond;
}

interface Stat {
    ppid: number;
    /** utime + stime, ms */
    own: number;
    /** cutime + cstime (children waited for), ms */
    children: number;
    rssBytes: number;
}

function readStat(pid: number): Stat | undefined {
    let text: string;
    try {
        text = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
        return undefined;
    }
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const tick = 1000 / clockTicks();
    const at = (field: number) => Number(fields[field - 3]);
    return {
        ppid: at(4),
        own: (at(14) + at(15)) * tick,
        children: (at(16) + at(17)) * tick,
        rssBytes: at(24) * 4096
    };
}

export function canMeasure(): boolean {
    return existsSync("/proc/self/stat");
}

/** CPU ms used by a process so far (its own, not its children's). */
export function processCpuMs(pid: number): number {
    return readStat(pid)?.own ?? 0;
}

export function processRssBytes(pid: number): number {
    return readStat(pid)?.rssBytes ?? 0;
}

/** CPU ms of a server process tree: the process, the children it reaped, and its live children. */
export function treeCpuMs(rootPid: number): number {
    const root = readStat(rootPid);
    if (!root) return 0;
    let total = root.own + root.children;
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat && stat.ppid === rootPid) total += stat.own;
    }
    return total;
}

/** CPU ms of a set of processes (e.g. the backends of one database on a shared server); gone ones count 0. */
export function processesCpuMs(pids: number[]): number {
    return pids.reduce((total, pid) => total + processCpuMs(pid), 0);
}

/** Summed resident memory of a process tree (the root and its live children). */
export function treeRssBytes(rootPid: number): number {
    let total = readStat(rootPid)?.rssBytes ?? 0;
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat && stat.ppid === rootPid) total += stat.rssBytes;
    }
    return total;
}

/** The load averages and uptime line of the machine. */
export function loadAverage(): string {
    try {
        return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    } catch {
        return "unknown";
    }
}

/** CPU ms the whole machine has been busy (all cores; /proc/stat, without idle and I/O wait). */
export function machineBusyMs(): number {
    try {
        const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
        const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
        return ((user + nice + system + irq + softirq + steal) * 1000) / clockTicks();
    } catch {
        return 0;
    }
}

/** CPU ms this process has used. */
export function ownCpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}
