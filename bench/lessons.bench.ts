// Lesson parsing on the inputs that once froze it (issue 10): each must parse, or be refused
// with a limit message, in well under a second. Prints the median of five parses, in wall time
// and in CPU time (which the load of other programs on the machine does not inflate).
import { loadLesson } from '../core/lessons/load.ts';
import { escapedDollarsLesson, manyKeysLesson } from '../tests/support/hostile-lessons.ts';

const CASES = {
  '100,000 \\\\$ (300 KB)': escapedDollarsLesson(),
  'practice block with 40,000 keys': manyKeysLesson(),
};

for (const [name, text] of Object.entries(CASES)) {
  loadLesson('warm-up.md', text);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    loadLesson('bench.md', text);
    const usedCpu = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((usedCpu.user + usedCpu.system) / 1000);
  }
  const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[2].toFixed(1);
  process.stdout.write(
    `parse ${name.padEnd(34)} median ${median(wall)} ms (CPU ${median(cpu)} ms)\n`,
  );
}
