// The seed lab as real PyTorch ran it, for comparing the cells the course keeps verbatim.
import { readSharedJson } from '../../support/shared.ts';

export interface GoldenCell {
  code: string;
  stdout: string;
  display: string | null;
  error: string | null;
}

/** Memory addresses differ from run to run. */
export function maskAddresses(text: string): string {
  return text.replace(/0x[0-9a-fA-F]+/g, '0x…');
}

export function normalizeCode(code: string): string {
  return code
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Golden cells by their normalised code (non-empty cells only). */
export function goldenByCode(): Map<string, GoldenCell> {
  const { cells } = readSharedJson<{ cells: GoldenCell[] }>('golden/seed-lab.json');
  return new Map(
    cells.filter((cell) => cell.code.trim() !== '').map((cell) => [normalizeCode(cell.code), cell]),
  );
}
