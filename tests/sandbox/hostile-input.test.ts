// Hostile lessons and answers, run through the CLI as an instructor would: each escape fails
// inside the sandbox with a clear message, leaves the host untouched, and the exit status is
// the grader's, never the sandboxed code's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';

const folder = mkdtempSync(join(tmpdir(), 'gradlab-hostile-'));

function gradlab(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** A lesson with one code item whose checks are `expr` (Python the grader evaluates). */
function codeLesson(name: string, expr: string): string {
  return file(
    name,
    [
      '---',
      'id: hostile',
      'title: Hostile',
      '---',
      '',
      '# Step',
      '',
      '```practice',
      'id: item',
      'prompt: Set x to 7.',
      'answer:',
      '  type: code',
      '  checks:',
      `    - expr: ${JSON.stringify(expr)}`,
      '      value: 7',
      'solution: |',
      '  x = 7',
      '```',
      '',
    ].join('\n'),
  );
}

describe('a hostile lesson or answer cannot reach the host', () => {
  it("a lesson's checks that start a shell command during `gradlab check` start nothing", () => {
    const marker = join(folder, 'check-ran-a-shell');
    const expr = `__import__('js').process.getBuiltinModule('child_process').execSync('touch ${marker}') or x`;
    const result = gradlab('check', codeLesson('shell.md', expr));
    expect(existsSync(marker)).toBe(false);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/shell\.md:\d+:\d+: .*--allow-child-process/);
  });

  it('a code answer that writes a file writes nothing and is graded wrong', () => {
    const target = join(folder, 'written-by-an-answer');
    const answer = `import js\njs.process.getBuiltinModule('fs').writeFileSync('${target}', 'x')\nx = 7`;
    const result = gradlab('grade', codeLesson('write.md', 'x'), 'item', '--answer', answer);
    expect(existsSync(target)).toBe(false);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/--allow-fs-write/);
  });

  it("an answer that ends the process with status 0 gets the grader's status, 1", () => {
    const answer = 'import js\njs.process.exit(0)';
    const result = gradlab('grade', codeLesson('exit.md', 'x'), 'item', '--answer', answer);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/ended Python's process/);
  });

  it('a right answer is still graded right in the sandbox', () => {
    const result = gradlab('grade', codeLesson('right.md', 'x'), 'item', '--answer', 'x = 7');
    expect(result.status).toBe(0);
  });

  it('an endless loop, a 100 MB print and escape sequences: each cell limited, the run goes on', () => {
    const notebook = file(
      'limits.py',
      [
        "print('x' * 100_000_000)",
        '# %%',
        "print('\\x1b[2J\\x1b]0;owned\\x07\\x9b31m')",
        '# %%',
        'while True: pass',
        '# %%',
        "print('still running')",
      ].join('\n'),
    );
    const result = gradlab('run', notebook, '--timeout', '10');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'TimeoutError: the cell ran for more than 10 s and was stopped; Python restarts',
    );
    expect(result.stdout).toContain(
      '[output truncated: the cell printed 100,000,001 characters; the first 100,000 are shown]',
    );
    expect(result.stdout.length).toBeLessThan(200_000);
    expect(result.stdout).toContain('\\x1b[2J\\x1b]0;owned\\x07\\x9b31m');
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(result.stdout).toContain('still running');
  });

  it('the network, workers and memory past the limit are refused inside the cell', () => {
    const notebook = file(
      'reach.py',
      [
        "import js\njs.fetch('http://127.0.0.1:9/')",
        '# %%',
        "import js\njs.process.getBuiltinModule('net').connect(9, '127.0.0.1')",
        '# %%',
        "import js\njs.process.getBuiltinModule('worker_threads').Worker.new('1', js.Object.fromEntries([['eval', True]]))",
        '# %%',
        'b = bytearray(1500 * 1024 * 1024)',
        '# %%',
        "print('after')",
      ].join('\n'),
    );
    const result = gradlab('run', notebook, '--json');
    const cells = JSON.parse(result.stdout) as { error: string | null; stdout: string }[];
    expect(cells.map((cell) => cell.error)).toEqual([
      'JsException: Error: network access is not allowed in the sandbox',
      'JsException: Error: network access is not allowed in the sandbox',
      expect.stringMatching(/--allow-worker/),
      'MemoryError: the cell needed more than 1024 MiB of memory and was stopped',
      null,
    ]);
    expect(cells[4].stdout).toBe('after\n');
  });
});

describe('input files: regular files of a bounded size only', () => {
  const oneLine = (result: ReturnType<typeof gradlab>, message: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^gradlab: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
  };

  it('refuses a device such as /dev/zero at once', () => {
    oneLine(gradlab('run', '/dev/zero'), /\/dev\/zero is a device, not a file/);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(folder, 'pipe.py');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    oneLine(gradlab('run', fifo), /pipe\.py is a FIFO \(named pipe\), not a file/);
    oneLine(gradlab('check', fifo), /pipe\.py is a FIFO/);
  });

  it('refuses a folder and an oversize file', () => {
    oneLine(gradlab('run', folder), /is a folder, not a file/);
    const big = file('big.py', '');
    truncateSync(big, 11 * 1024 * 1024);
    oneLine(gradlab('run', big), /big\.py is 11\.0 MiB; the limit is 10\.0 MiB/);
    oneLine(
      gradlab('grade', codeLesson('any.md', 'x'), 'item', '--answer-file', big),
      /big\.py is 11\.0 MiB/,
    );
  });
});
