// Child process for the crash test: saves progress documents in a loop, as fast as it can,
// until it is killed. Each document carries a checksum so a torn write would be noticed.
import { createProgressStore } from '../../../electron/progress-store.ts';

const folder = process.argv[2];
if (folder === undefined) throw new Error('usage: progress-writer.ts FOLDER');
const store = createProgressStore(folder);

for (let round = 0; ; round += 1) {
  const scores = Array.from({ length: 20_000 }, (_, i) => (round * 31 + i) % 997);
  await store.save({ round, scores, checksum: scores.reduce((a, b) => a + b, 0) });
  if (round === 0) process.stdout.write('saved\n');
}
