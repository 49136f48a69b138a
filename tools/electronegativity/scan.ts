// Runs Electronegativity over the app's code (electron/ and renderer/) and fails on any finding
// that answers.json does not answer. The tool itself exits 0 whatever it finds, so its CSV report is what is gated.
//
//   node tools/electronegativity/scan.ts      (after: npm ci --prefix tools/electronegativity)
//
// It runs on Node 20 (/usr/bin/node, or ELECTRONEGATIVITY_NODE): on Node 24 it writes its
// report and then crashes, so a report that was written is used whatever the exit status.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
}

export interface Answer {
  check: string;
  file: string;
  answer: string;
}

/** Parses the tool's CSV (a header row, then quoted or bare fields, `""` inside quotes). */
export function parseFindings(csv: string): Finding[] {
  const rows = parseCsv(csv).filter((row) => row.length > 1);
  return rows.slice(1).map((row) => ({
    check: row[0] ?? '',
    severity: row[1] ?? '',
    file: row[3] ?? '',
    location: row[4] ?? '',
    description: row[6] ?? '',
  }));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field.trim()]);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

export interface Verdict {
  unanswered: Finding[];
  answered: { finding: Finding; answer: string }[];
  /** Answers that match no finding any more: delete them. */
  stale: Answer[];
}

export function judge(findings: Finding[], answers: Answer[]): Verdict {
  const answerFor = (finding: Finding) =>
    answers.find((answer) => answer.check === finding.check && answer.file === finding.file);
  const verdict: Verdict = { unanswered: [], answered: [], stale: [] };
  for (const finding of findings) {
    const answer = answerFor(finding);
    if (answer) verdict.answered.push({ finding, answer: answer.answer });
    else verdict.unanswered.push(finding);
  }
  verdict.stale = answers.filter(
    (answer) => !findings.some((f) => f.check === answer.check && f.file === answer.file),
  );
  return verdict;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

function electronVersion(): string {
  const manifest = path.join(repoRoot, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The tool takes one folder: the main process and the renderer are copied into one. */
function gatherAppCode(folder: string): string {
  const app = path.join(folder, 'app');
  for (const part of ['electron', 'renderer']) {
    cpSync(path.join(repoRoot, part), path.join(app, part), { recursive: true });
  }
  return app;
}

function runTool(input: string, reportFile: string): void {
  const cli = path.join(here, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  if (!existsSync(cli)) {
    throw new Error(
      'Electronegativity is not installed: run npm ci --prefix tools/electronegativity',
    );
  }
  const node =
    process.env.ELECTRONEGATIVITY_NODE ??
    (existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath);
  const args = ['-i', input, '-r', '-e', electronVersion(), '-o', reportFile];
  spawnSync(node, [cli, ...args], { cwd: here, stdio: 'ignore', timeout: 300_000 });
  if (!existsSync(reportFile)) throw new Error(`Electronegativity wrote no report (ran ${node})`);
}

function main(): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'gradlab-electronegativity-'));
  try {
    const report = path.join(folder, 'report.csv');
    runTool(gatherAppCode(folder), report);
    const answers = JSON.parse(readFileSync(path.join(here, 'answers.json'), 'utf8')) as Answer[];
    const verdict = judge(parseFindings(readFileSync(report, 'utf8')), answers);
    for (const { finding, answer } of verdict.answered) {
      console.log(`answered  ${finding.check} (${finding.file}): ${answer}`);
    }
    for (const answer of verdict.stale) {
      console.log(
        `stale     ${answer.check} (${answer.file}): no such finding now; remove the answer`,
      );
    }
    for (const finding of verdict.unanswered) {
      console.log(
        `FINDING   ${finding.check} ${finding.severity} ${finding.file}:${finding.location}: ${finding.description}`,
      );
    }
    console.log(
      `Electronegativity: ${verdict.unanswered.length} unanswered, ${verdict.answered.length} answered finding(s).`,
    );
    return verdict.unanswered.length === 0 && verdict.stale.length === 0 ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`electronegativity: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
