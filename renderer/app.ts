// The app: the first lesson shows without waiting for Python (whose start waits for it, see
// main.ts); the sidebar, the lesson view, the toolbar and the status line are wired here.
import type { HostApi, LessonSource, MenuCommand } from './host/api.ts';
import { currentHost } from './host/current.ts';
import { Progress } from './progress/progress.ts';
import { gradesCsv } from './progress/grades-csv.ts';
import type { PythonSession, PythonState } from './python/session.ts';
import { LessonLibrary } from './lesson-library.ts';
import { h } from './ui/dom.ts';
import { errorsPanel } from './ui/errors-panel.ts';
import { lessonPage } from './ui/lesson-page.ts';
import type { LessonView } from './ui/lesson-view.ts';
import { renderSidebar } from './ui/sidebar.ts';
import { renderToolbar } from './ui/toolbar.ts';
import { practiceRenderer, type PracticeGrader } from './ui/practice.ts';
import { lazyElement } from './ui/lazy.ts';
import { markWhenPainted } from './painted.ts';

const statusText: Record<PythonState, string> = {
  starting: 'Starting Python…',
  ready: 'Python ready',
  running: 'Running…',
  failed: 'Python could not start',
};

export class App {
  private readonly host: HostApi = currentHost();
  private readonly progress = new Progress(this.host);
  private readonly library = new LessonLibrary();
  private readonly nav = document.getElementById('lessons')!;
  private readonly main = document.getElementById('lesson')!;
  private readonly status = document.getElementById('python-status')!;
  private readonly views = new Map<string, LessonView>();
  private view: LessonView | null = null;
  private viewKey: string | null = null;
  private notice: string | undefined;
  /** Why the last save failed, until a save succeeds again. */
  private saveProblem: string | null = null;
  /** The grader loads with the first answer checked. */
  private readonly grade: PracticeGrader = async (item, answer, wrongAttemptsBefore) =>
    (await import('./grading.ts')).gradeAnswer(this.python, item, answer, wrongAttemptsBefore);

  private readonly python: PythonSession;
  private readonly firstLessonShown: () => void;

  /** `firstLessonShown` is called once the first lesson has been drawn on screen. */
  constructor(python: PythonSession, firstLessonShown: () => void) {
    this.python = python;
    this.firstLessonShown = firstLessonShown;
  }

  async start(): Promise<void> {
    this.showPythonState(this.python.state);
    this.python.onState((state) => this.showPythonState(state));
    renderToolbar(document.getElementById('toolbar')!, {
      openFolder: () => void this.openFolder(),
      resetProgress: () => this.resetProgress(),
      exportGrades: () => void this.exportGrades(),
    });
    this.progress.onSaveProblem((problem) => {
      this.saveProblem = problem;
      void this.open(this.viewKey, true);
    });
    this.notice = await this.progress.load();
    await this.library.replace(await this.host.listLessons());
    this.progress.onChange(() => this.renderSidebar());
    window.addEventListener('hashchange', () => void this.route());
    document.addEventListener('keydown', (event) => this.view?.handleKey(event));
    this.host.onLessonChanged((source) => void this.lessonChanged(source));
    this.host.onMenuCommand?.((command) => this.menuCommand(command));
    await this.route();
    // In the page but not yet on screen (what this mark meant before it waited for the paint).
    performance.mark('gradlab:first-lesson-rendered');
    await markWhenPainted('gradlab:first-lesson-visible');
    this.firstLessonShown();
    // The other lessons' data loads now that the first lesson is on screen.
    void this.library.loadAll();
    // The check of the worker's messages (and zod) loads now, while Python is still starting.
    void import('./python/from-worker.ts');
  }

  private showPythonState(state: PythonState): void {
    this.status.textContent =
      state === 'failed' ? `${statusText.failed}: ${this.python.failure}` : statusText[state];
    document.body.dataset.python = state;
  }

  private renderSidebar(): void {
    renderSidebar(
      this.nav,
      this.library.entries(),
      this.viewKey,
      (key) => this.progress.document.lessons[key],
    );
  }

  /** Shows the lesson named in the URL, else the last one open, else the first. */
  private route(): Promise<void> {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('lesson');
    const key =
      [fromHash, this.progress.document.currentLesson].find(
        (candidate) => candidate && this.library.has(candidate),
      ) ??
      this.library.entries()[0]?.key ??
      null;
    return this.open(key);
  }

  private async open(key: string | null, force = false): Promise<void> {
    if (key === this.viewKey && !force) return;
    this.viewKey = key;
    const lesson = key ? await this.library.lesson(key) : undefined;
    // Another lesson was asked for while this one loaded.
    if (key !== this.viewKey) return;
    const parts: (HTMLElement | null)[] = [
      this.notice ? h('p', { class: 'notice', role: 'note' }, this.notice) : null,
      this.saveProblem ? h('p', { class: 'notice', role: 'alert' }, this.saveProblem) : null,
      errorsPanel(this.library.problems()),
    ];
    if (key && lesson) {
      // Kept per lesson, so edits and outputs are still there when the student comes back.
      let view = this.views.get(key);
      if (!view) {
        view = lessonPage(key, lesson, {
          python: this.python,
          progress: this.progress,
          decorate: (result) =>
            result.graphs.length === 0
              ? []
              : [
                  lazyElement(async () =>
                    (await import('./ui/symbolic-panel.ts')).symbolicPanels(result.graphs),
                  ),
                ],
          derivative: (block) =>
            lazyElement(async () =>
              (await import('./ui/derivative-block.ts')).derivativeBlock(block),
            ),
          practice: practiceRenderer(this.progress, this.grade),
        });
        this.views.set(key, view);
      }
      this.view = view;
      this.progress.setCurrentLesson(key);
      parts.push(this.view.element);
    } else {
      this.view = null;
      parts.push(h('p', {}, 'No lesson could be loaded.'));
    }
    this.main.replaceChildren(...parts.filter((part) => part !== null));
    this.renderSidebar();
  }

  private async lessonChanged(source: LessonSource): Promise<void> {
    await this.library.update(source);
    this.views.delete(source.key);
    await this.open(this.viewKey, true);
  }

  private async openFolder(): Promise<void> {
    const lessons = await this.host.openLessonFolder();
    if (!lessons) return;
    await this.library.replace(await this.host.listLessons());
    for (const source of lessons) this.views.delete(source.key);
    const first = lessons.find((source) => this.library.has(source.key));
    if (first) location.hash = `lesson=${encodeURIComponent(first.key)}`;
    await this.open(first?.key ?? this.viewKey, true);
  }

  private resetProgress(): void {
    if (!confirm('Forget all progress: steps seen, attempts and scores?')) return;
    this.progress.reset();
    this.views.clear();
    void this.open(this.viewKey, true);
  }

  private async exportGrades(): Promise<void> {
    const date = new Date().toISOString().slice(0, 10);
    await this.host.exportGrades(gradesCsv(this.progress.document), `gradlab-grades-${date}.csv`);
  }

  private menuCommand(command: MenuCommand): void {
    if (command === 'open-lesson-folder') void this.openFolder();
    else if (command === 'export-grades') void this.exportGrades();
  }
}
