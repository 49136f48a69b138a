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
import { lessonPage, type LessonPage } from './ui/lesson-page.ts';
import type { LessonView } from './ui/lesson-view.ts';
import { lessonAddress, readAddress } from './address.ts';
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
  private readonly pages = new Map<string, LessonPage>();
  /** What a lesson changed on disk hands to its next page: the student's place and edits. */
  private readonly carried = new Map<string, { stepTitle: string; edits: Map<string, string> }>();
  private view: LessonView | null = null;
  private viewKey: string | null = null;
  private notice: string | undefined;
  /** Why the last save failed, shown until a save succeeds again. */
  private readonly saveProblem = h('p', { class: 'notice', role: 'alert' });
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
      exportSubmission: () => void this.exportSubmission(),
    });
    // Said in place: drawing the lesson again would save again (and fail again) at once.
    this.progress.onSaveProblem((problem) => {
      this.saveProblem.textContent = problem;
      if (problem === null) this.saveProblem.remove();
      else if (!this.saveProblem.isConnected) this.main.prepend(this.saveProblem);
    });
    this.notice = await this.progress.load();
    this.library.onReading((files) => this.showReading(files));
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

  /** Until the first lesson is shown, which files are still being read (a long one takes seconds). */
  private showReading(files: readonly string[]): void {
    if (this.viewKey !== null) return;
    const reading = files.length > 0 ? `Reading ${files.join(', ')}…` : null;
    this.main.replaceChildren(
      ...(reading ? [h('p', { class: 'notice', role: 'status' }, reading)] : []),
    );
  }

  private renderSidebar(): void {
    const title = this.library.title();
    document.title = title ? `${title} · Gradlab` : 'Gradlab';
    renderSidebar(
      this.nav,
      title ?? 'Lessons',
      this.library.entries(),
      this.viewKey,
      (key) => this.progress.document.lessons[key],
    );
  }

  /** Shows the lesson (and step) named in the address, else the last one open, else the first. */
  private route(): Promise<void> {
    const address = readAddress(location.hash);
    const entries = this.library.entries();
    const named =
      address === null
        ? undefined
        : 'lessonId' in address
          ? entries.find((entry) => entry.id === address.lessonId)?.key
          : address.key;
    const key =
      [named, this.progress.document.currentLesson].find(
        (candidate) => candidate && this.library.has(candidate),
      ) ??
      entries[0]?.key ??
      null;
    // A step number belongs to the lesson the address names, not to a stand-in for it.
    const step = key === named && address && 'step' in address ? address.step : undefined;
    return this.open(key, { step });
  }

  private async open(
    key: string | null,
    { force = false, step }: { force?: boolean; step?: number } = {},
  ): Promise<void> {
    if (key === this.viewKey && !force) {
      if (step !== undefined) this.view?.go(Math.min(step, this.view.stepCount) - 1);
      return;
    }
    this.viewKey = key;
    const lesson = key ? await this.library.lesson(key) : undefined;
    // Another lesson was asked for while this one loaded.
    if (key !== this.viewKey) return;
    const parts: (HTMLElement | null)[] = [
      this.notice ? h('p', { class: 'notice', role: 'note' }, this.notice) : null,
      this.saveProblem.textContent ? this.saveProblem : null,
      errorsPanel(this.library.problems()),
    ];
    if (key && lesson) {
      // Kept per lesson, so edits and outputs are still there when the student comes back.
      let page = this.pages.get(key);
      if (!page) {
        const carried = this.carried.get(key);
        this.carried.delete(key);
        page = lessonPage(
          key,
          lesson,
          {
            python: this.python,
            progress: this.progress,
            decorate: (result, options) =>
              result.graphs.length === 0
                ? []
                : [
                    lazyElement(async () =>
                      (await import('./graph/backward-panels.ts')).backwardPanels(
                        result.graphs,
                        options,
                      ),
                    ),
                  ],
            derivative: (block) =>
              lazyElement(async () =>
                (await import('./ui/derivative-block.ts')).derivativeBlock(block),
              ),
            practice: practiceRenderer(this.progress, this.grade, (lessonKey) =>
              this.library.textHash(lessonKey),
            ),
            onStep: (index) => showAddress(lesson.meta.id, index),
          },
          carried?.edits,
        );
        const sameStep = carried && page.view.stepTitled(carried.stepTitle);
        if (sameStep !== undefined) page.view.go(sameStep);
        this.pages.set(key, page);
      }
      this.view = page.view;
      if (step !== undefined) this.view.go(Math.min(step, this.view.stepCount) - 1);
      showAddress(lesson.meta.id, this.view.stepIndex);
      this.progress.setCurrentLesson(key);
      parts.push(this.view.element);
    } else {
      this.view = null;
      parts.push(h('p', {}, 'No lesson could be loaded.'));
    }
    this.main.replaceChildren(...parts.filter((part) => part !== null));
    this.renderSidebar();
  }

  /** A lesson file changed: its lesson is shown afresh where the student was, with their edits;
   *  a change that broke it leaves the last version that loaded on screen, beside the errors. */
  private async lessonChanged(source: LessonSource): Promise<void> {
    const page = this.pages.get(source.key);
    if (await this.library.update(source)) {
      if (page)
        this.carried.set(source.key, { stepTitle: page.view.stepTitle, edits: page.edits() });
      this.pages.delete(source.key);
    }
    await this.open(this.viewKey, { force: true });
  }

  private async openFolder(): Promise<void> {
    const lessons = await this.host.openLessonFolder();
    if (!lessons) return;
    await this.library.replace(await this.host.listLessons());
    for (const source of lessons) this.pages.delete(source.key);
    const first = this.library
      .entries()
      .find((entry) => lessons.some((source) => source.key === entry.key));
    await this.open(first?.key ?? this.viewKey, { force: true });
  }

  private resetProgress(): void {
    if (!confirm('Forget all progress: steps seen, attempts and scores?')) return;
    this.progress.reset();
    this.pages.clear();
    void this.open(this.viewKey, { force: true });
  }

  private async exportGrades(): Promise<void> {
    const date = new Date().toISOString().slice(0, 10);
    await this.host.exportGrades(gradesCsv(this.progress.document), `gradlab-grades-${date}.csv`);
  }

  /** The student's name and id are asked once, then kept with the progress. */
  private async exportSubmission(): Promise<void> {
    const { askStudent } = await import('./ui/student-dialog.ts');
    const student = this.progress.document.student ?? (await askStudent(null));
    if (student === null) return;
    this.progress.setStudent(student);
    const { submissionFile } = await import('./progress/submission-file.ts');
    const submission = await submissionFile(
      this.progress.document,
      student,
      async (key) => (await this.library.lesson(key))?.meta.id,
      __GRADLAB_VERSION__,
    );
    const safeId = student.id.replace(/[^\w.-]+/g, '_');
    await this.host.exportSubmission(
      JSON.stringify(submission, null, 1),
      `gradlab-submission-${safeId}.json`,
    );
  }

  private menuCommand(command: MenuCommand): void {
    if (command === 'open-lesson-folder') void this.openFolder();
    else if (command === 'export-grades') void this.exportGrades();
    else if (command === 'export-submission') void this.exportSubmission();
  }
}

/** Puts the open lesson and step in the address bar without adding to the history. */
function showAddress(lessonId: string, stepIndex: number): void {
  const address = lessonAddress(lessonId, stepIndex + 1);
  if (location.hash !== address) history.replaceState(history.state, '', address);
}
