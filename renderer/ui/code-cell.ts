// A runnable Python cell: editor, "Run" (or Shift+Enter), "Run all above", "Stop", and the
// output below it. The symbolic panel appears beside every run that called backward().
import type { RunResult } from '../python/protocol.ts';
import type { PythonSession, RunOutcome } from '../python/session.ts';
import { button, h } from './dom.ts';
import { lazyPythonEditor, type CodeSource } from './lazy-editor.ts';
import { cancelledNotice, cellOutput, restartNotice } from './cell-output.ts';

export interface CellContext {
  python: PythonSession;
  /** Runs every cell of the lesson before this one, in order. */
  runAllAbove: () => Promise<void>;
  /** Extra panels for a finished run (the symbolic panel). */
  decorate: (result: RunResult) => HTMLElement[];
}

export class CodeCell {
  readonly element: HTMLElement;
  private readonly editor: CodeSource;
  private readonly output: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly context: CellContext;

  constructor(code: string, number: number, context: CellContext) {
    this.context = context;
    const editorHost = h('div', { class: 'cell-editor' });
    this.editor = lazyPythonEditor(
      editorHost,
      code,
      `Python cell ${number}`,
      () => void this.run(),
    );
    this.runButton = button('Run', () => void this.run(), { class: 'primary' });
    this.stopButton = button('Stop', () => context.python.stop(), { hidden: true });
    this.output = h('div', { class: 'cell-output', 'aria-live': 'polite', 'aria-label': 'Output' });
    this.element = h(
      'section',
      { class: 'cell', 'aria-label': `Code cell ${number}` },
      editorHost,
      h(
        'div',
        { class: 'cell-actions' },
        this.runButton,
        button('Run all above', () => void context.runAllAbove()),
        this.stopButton,
      ),
      this.output,
    );
  }

  /** The code as the student has it now. */
  code(): string {
    return this.editor.code();
  }

  /** Runs the cell; resolves false if Python had to be restarted to stop it. */
  async run(): Promise<boolean> {
    const waiting = this.context.python.state === 'starting';
    const pending = waiting ? 'Waiting for Python to start…' : 'Running…';
    this.output.replaceChildren(h('p', { class: 'out-pending' }, pending));
    this.element.dataset.state = 'running';
    this.stopButton.hidden = false;
    let outcome: RunOutcome;
    const began = performance.now();
    try {
      outcome = await this.context.python.run(this.editor.code());
      performance.measure('gradlab:cell-run', { start: began });
    } catch (error) {
      this.show([h('pre', { class: 'out-error' }, `Python is unavailable: ${String(error)}`)]);
      return false;
    } finally {
      this.stopButton.hidden = true;
    }
    if (outcome.kind === 'restarted') {
      this.show([restartNotice(() => void this.context.runAllAbove())]);
      return false;
    }
    if (outcome.kind === 'cancelled') {
      this.show([cancelledNotice()]);
      return false;
    }
    this.show([...cellOutput(outcome.result), ...this.context.decorate(outcome.result)]);
    return true;
  }

  private show(parts: HTMLElement[]): void {
    this.output.replaceChildren(...parts);
    this.element.dataset.state = 'done';
  }
}
