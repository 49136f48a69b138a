// The seed lab as real PyTorch ran it (../shared/golden/seed-lab.json).
import { readSharedJson } from '../../support/shared.ts';

export interface GoldenCell {
  index: number;
  kind: 'code' | 'solution';
  code: string;
  stdout: string;
  display: string | null;
  error: string | null;
  warnings: string[];
  plots: unknown[];
}

/** Memory addresses differ from run to run. */
export function maskAddresses(text: string): string {
  return text.replace(/0x[0-9a-fA-F]+/g, '0x…');
}

/** Every non-empty cell of the seed, hidden solutions included, in the order they ran. */
export function goldenCells(): GoldenCell[] {
  return readSharedJson<{ cells: GoldenCell[] }>('golden/seed-lab.json').cells.filter(
    (cell) => cell.code.trim() !== '',
  );
}
