// Runs Electronegativity over the app's code (electron/ and renderer/) and fails on any finding
// that answers.json does not answer. The tool itself exits 0 whatever it finds, so its SARIF report is what is gated.
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
  /** SARIF's level: "warning" for a finding, "note" for one to review by hand. */
  level: string;
  file: string;
  location: string;
  description: string;
}

export interface Answer {
  check: string;
  file: string;
  answer: string;
}

/** Thrown when the report is not a whole SARIF log: a half-written report must never pass. */
export class ReportError extends Error {}

interface SarifResult {
  ruleId?: unknown;
  level?: unknown;
  message?: { text?: unknown };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: unknown };
      region?: { startLine?: unknown; startColumn?: unknown };
    };
  }[];
}

/** The tool writes an app-wide finding (no file) as the URI "file:///"; answers name it "N/A". */
const NO_FILE_URI = 'file:///';

/**
 * Reads the tool's SARIF report. The SARIF log is written in one call, where the CSV report is
 * written by two racing writes (its header can land over the first rows): that race was the gate's flake.
 */
export function parseFindings(sarif: string): Finding[] {
  let log: unknown;
  try {
    log = JSON.parse(sarif);
  } catch (error) {
    throw new ReportError(`the report is not valid JSON (${(error as Error).message})`);
  }
  const results = (log as { runs?: { results?: unknown }[] } | null)?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new ReportError('the report has no runs[0].results list');
  return (results as SarifResult[]).map((result, index) => {
    const where = result.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri;
    const text = result.message?.text;
    if (typeof result.ruleId !== 'string' || typeof uri !== 'string' || typeof text !== 'string') {
      throw new ReportError(`result ${index} lacks its ruleId, location or message`);
    }
    return {
      check: result.ruleId,
      level: typeof result.level === 'string' ? result.level : 'warning',
      file: uri === NO_FILE_URI ? 'N/A' : uri,
      location: `${String(where?.region?.startLine ?? 1)}:${String(where?.region?.startColumn ?? 1)}`,
      description: text,
    };
  });
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
    const report = path.join(folder, 'report.sarif');
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
        `FINDING   ${finding.check} ${finding.level} ${finding.file}:${finding.location}: ${finding.description}`,
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
