// Messages between the page and the Python worker. The worker runs student code, which can
// post anything to the page (`js.postMessage`), so the page validates every message it gets
// (from-worker.ts).
import type { CellResult } from '../../core/python/kernel.ts';

export type ToWorker =
  | { type: 'start'; indexURL: string; interruptBuffer: SharedArrayBuffer | null }
  | { type: 'run'; id: number; code: string; fresh: boolean }
  | { type: 'reset'; id: number };

export type RunResult = CellResult;

export type FromWorker =
  | { type: 'ready'; startMs: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'reset-done'; id: number };
