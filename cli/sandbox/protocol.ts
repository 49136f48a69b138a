// The messages between the CLI and its sandboxed Python process (Node IPC, structured clone).
// Nothing the sandboxed code prints or its exit status is ever read as a result.
import type { CellResult } from '../../core/python/kernel.ts';

/** Cells to run in order; `reset` empties the namespace first, `fresh` before each cell. */
export interface SandboxRequest {
  id: number;
  cells: string[];
  reset: boolean;
  fresh: boolean;
}

export type SandboxReply =
  /** Python has booted and takes requests. */
  | { kind: 'ready' }
  /** A booted-cold process hands its memory snapshot over: it cannot write the cache itself. */
  | { kind: 'snapshot'; bytes: Uint8Array }
  /** One cell's result, sent as soon as it is done (each starts the next cell's time limit). */
  | { kind: 'result'; id: number; index: number; result: CellResult };
