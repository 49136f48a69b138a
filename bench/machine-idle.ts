// Waits for the machine to go quiet, so that a measurement starts from a settled browser (a
// freshly launched Chromium spends seconds of CPU on its own UI pages first) and not from
// whatever ran just before it.
import { readFileSync } from 'node:fs';

/** Busy and total CPU time so far, from Linux's /proc/stat; null elsewhere. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const ticks = fields.slice(1).map(Number);
    const idle = ticks[3]! + (ticks[4] ?? 0);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the CPUs were less than `busyShare` busy for `quietWindows` windows of
 * `windowMs` in a row, or after `limitMs` (a loaded machine never settles). Returns the
 * milliseconds waited.
 */
export async function waitForIdleMachine({
  busyShare = 0.15,
  windowMs = 250,
  quietWindows = 3,
  limitMs = 20_000,
} = {}): Promise<number> {
  const began = Date.now();
  let quiet = 0;
  let before = cpuTimes();
  if (!before) {
    await sleep(2_000);
    return Date.now() - began;
  }
  while (quiet < quietWindows && Date.now() - began < limitMs) {
    await sleep(windowMs);
    const now = cpuTimes()!;
    const share = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    quiet = share < busyShare ? quiet + 1 : 0;
    before = now;
  }
  return Date.now() - began;
}
