// The messages between the CLI and its sandboxed Python process (Node IPC, structured clone).
// Nothing the sandboxed code prints or its exit status is ever read as a result.
import type { CellResult } from '../../core/python/kernel.ts';

export type SandboxRequest =
  { id: number; kind: 'run'; code: string; fresh: boolean } | { id: number; kind: 'reset' };

export type SandboxReply =
  /** Python has booted and takes requests. */
  | { kind: 'ready' }
  /** A booted-cold process hands its memory snapshot over: it cannot write the cache itself. */
  | { kind: 'snapshot'; bytes: Uint8Array }
  | { kind: 'result'; id: number; result: CellResult }
  | { kind: 'reset'; id: number };
