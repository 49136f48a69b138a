// A runnable Python cell: editor, "Run" (or Shift+Enter), "Run all above", "Stop", "Reset code",
// the run's number ([n], as in Jupyter) and the output below it. A cell that fails on a name an
// earlier cell defines says which step that is, with one button to run the cells above and then
// this one. The symbolic panel appears beside every run that called backward().
import type { RunResult } from '../python/protocol.ts';
import type { PythonSession, RunOutcome } from '../python/session.ts';
import { button, h } from './dom.ts';
import { lazyPythonEditor, type CodeSource } from './lazy-editor.ts';
import { cancelledNotice, cellOutput, restartNotice } from './cell-output.ts';
import { undefinedName } from './defined-earlier.ts';

/** What "Run all above" did: how many cells ran, over which steps, and the first that failed. */
export interface RanAbove {
  cells: number;
  firstStep: number;
  lastStep: number;
  /** 1-based number of the cell that stopped the run (it raised or was stopped). */
  failedCell?: number;
}

/** An earlier cell, by its 1-based number in the lesson and its 1-based step. */
interface CellPlace {
  cell: number;
  step: number;
}

export interface CellContext {
  python: PythonSession;
  /** Runs every cell of the lesson before this one, in order, until one fails. */
  runAllAbove: () => Promise<RanAbove>;
  /** The earlier cell of the lesson that defines or imports `name`. */
  definedEarlier: (name: string) => CellPlace | undefined;
  /** Extra panels for a finished run (the symbolic panel). */
  decorate: (result: RunResult) => HTMLElement[];
  /** Told after each run that reached Python (progress counts cells run). */
  ran: () => void;
}

/** Runs in this page, numbered as Jupyter numbers them: one count for every cell. */
let runsInPage = 0;

export class CodeCell {
  readonly element: HTMLElement;
  private readonly editor: CodeSource;
  private readonly output: HTMLElement;
  private readonly runMark = h('span', { class: 'run-mark', title: 'Not run yet' }, '[ ]');
  private readonly stopButton: HTMLButtonElement;
  private readonly context: CellContext;
  private readonly original: string;

  constructor(code: string, number: number, context: CellContext) {
    this.context = context;
    this.original = code;
    const editorHost = h('div', { class: 'cell-editor' });
    this.editor = lazyPythonEditor(
      editorHost,
      code,
      `Python cell ${number}`,
      () => void this.run(),
    );
    this.stopButton = button('Stop', () => context.python.stop(), { hidden: true });
    this.output = h('div', { class: 'cell-output', 'aria-live': 'polite', 'aria-label': 'Output' });
    this.element = h(
      'section',
      { class: 'cell', 'aria-label': `Code cell ${number}` },
      editorHost,
      h(
        'p',
        { class: 'keys-hint note' },
        'Keys: Shift+Enter runs the cell; Tab indents; press Esc, then Tab, to leave the editor.',
      ),
      h(
        'div',
        { class: 'cell-actions' },
        this.runMark,
        button('Run', () => void this.run(), { class: 'primary' }),
        button('Run all above', () => void this.runAllAbove()),
        this.stopButton,
        button('Reset code', () => this.editor.setCode(this.original), {
          title: 'Put back the code the lesson gave',
        }),
      ),
      this.output,
    );
  }

  /** The code as the student has it now. */
  code(): string {
    return this.editor.code();
  }

  /** Runs the cell; resolves false if it raised, or was stopped or cancelled. */
  async run(): Promise<boolean> {
    const waiting = this.context.python.state === 'starting';
    const pending = waiting ? 'Waiting for Python to start…' : 'Running…';
    this.output.replaceChildren(h('p', { class: 'out-pending' }, pending));
    this.element.dataset.state = 'running';
    this.setMark('[*]', 'Running');
    this.stopButton.hidden = false;
    let outcome: RunOutcome;
    const began = performance.now();
    try {
      outcome = await this.context.python.run(this.editor.code());
      performance.measure('gradlab:cell-run', { start: began });
    } catch (error) {
      this.setMark('[ ]', 'Not run');
      this.show([h('pre', { class: 'out-error' }, `Python is unavailable: ${String(error)}`)]);
      return false;
    } finally {
      this.stopButton.hidden = true;
    }
    if (outcome.kind === 'cancelled') {
      this.setMark('[ ]', 'Not run');
      this.show([cancelledNotice()]);
      return false;
    }
    runsInPage += 1;
    this.setMark(`[${runsInPage}]`, `Run ${runsInPage} in this session`);
    this.context.ran();
    if (outcome.kind === 'restarted') {
      this.show([restartNotice(() => void this.runAllAbove())]);
      return false;
    }
    const { result } = outcome;
    this.show([
      ...this.jumpedAhead(result),
      ...cellOutput(result),
      ...this.context.decorate(result),
    ]);
    return result.error === null;
  }

  /** "Run all above", then a line saying what it ran in place of this cell's old output. */
  private async runAllAbove(): Promise<void> {
    this.waitForAbove();
    const ran = await this.context.runAllAbove();
    this.show([h('p', { class: 'out-notice ran-above', role: 'status' }, ranAboveText(ran))]);
  }

  /** One sentence and one button when the cell failed on a name an earlier step defines. */
  private jumpedAhead(result: RunResult): HTMLElement[] {
    const name = undefinedName(result.error);
    const place = name ? this.context.definedEarlier(name) : undefined;
    if (!name || !place) return [];
    return [
      h(
        'div',
        { class: 'out-notice jump-ahead', role: 'alert' },
        h(
          'p',
          {},
          `'${name}' is defined in step ${place.step} (code cell ${place.cell}), which has not run yet: run the cells above first.`,
        ),
        button('Run the cells above, then this one', () => void this.runAboveThenThis()),
      ),
    ];
  }

  private async runAboveThenThis(): Promise<void> {
    this.waitForAbove();
    const ran = await this.context.runAllAbove();
    if (ran.failedCell === undefined) {
      await this.run();
      return;
    }
    this.show([h('p', { class: 'out-notice ran-above', role: 'status' }, ranAboveText(ran))]);
  }

  /** While the cells above run, this one is busy too (its old output no longer holds). */
  private waitForAbove(): void {
    this.output.replaceChildren(h('p', { class: 'out-pending' }, 'Running the cells above…'));
    this.element.dataset.state = 'running';
  }

  private setMark(text: string, title: string): void {
    this.runMark.textContent = text;
    this.runMark.title = title;
  }

  private show(parts: HTMLElement[]): void {
    this.output.replaceChildren(...parts);
    this.element.dataset.state = 'done';
  }
}

/** "Ran the 3 cells above (steps 1 to 2)." or where it stopped. */
function ranAboveText(ran: RanAbove): string {
  if (ran.cells === 0) return 'There are no cells above this one.';
  const steps =
    ran.firstStep === ran.lastStep
      ? `step ${ran.firstStep}`
      : `steps ${ran.firstStep} to ${ran.lastStep}`;
  const count = ran.cells === 1 ? 'the cell' : `the ${ran.cells} cells`;
  if (ran.failedCell !== undefined)
    return `Ran ${count} above (${steps}) up to code cell ${ran.failedCell}, which did not finish: see its output.`;
  return `Ran ${count} above (${steps}). Now run this cell.`;
}
