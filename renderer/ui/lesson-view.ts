// One lesson, a step at a time: "Back"/"Next" (or the arrow keys), a step indicator, and the
// step's blocks. Steps are built when first shown and kept, so edits and outputs survive
// stepping back and forth.
import type { Lesson, LessonStep } from '../../core/lessons/types.ts';
import type { LessonProgress, Progress } from '../progress/progress.ts';
import { button, h } from './dom.ts';

export interface StepBuilder {
  (step: LessonStep, stepIndex: number): HTMLElement;
}

export class LessonView {
  readonly element: HTMLElement;
  private readonly lesson: Lesson;
  private readonly record: LessonProgress;
  private readonly progress: Progress;
  private readonly buildStep: StepBuilder;
  private readonly built = new Map<number, HTMLElement>();
  private readonly stepArea = h('div', { class: 'step' });
  private readonly indicator = h('p', { class: 'step-indicator', 'aria-live': 'polite' });
  private readonly total = h('p', { class: 'lesson-total note' });
  private readonly backButton = button('Back', () => this.go(this.current - 1));
  private readonly nextButton = button('Next', () => this.go(this.current + 1), {
    class: 'primary',
  });
  private readonly onStep: (index: number) => void;
  private current = 0;

  /** `totalText` says the lesson's practice total; it is shown again whenever progress changes. */
  constructor(
    lesson: Lesson,
    record: LessonProgress,
    progress: Progress,
    buildStep: StepBuilder,
    totalText: () => string,
    onStep: (index: number) => void = () => {},
  ) {
    this.lesson = lesson;
    this.onStep = onStep;
    this.record = record;
    this.progress = progress;
    this.buildStep = buildStep;
    const showTotal = () => (this.total.textContent = totalText());
    progress.onChange(showTotal);
    showTotal();
    const nav = h('div', { class: 'step-nav' }, this.backButton, this.indicator, this.nextButton);
    this.element = h(
      'article',
      { class: 'lesson-view', 'aria-labelledby': 'lesson-title' },
      h('h1', { id: 'lesson-title' }, lesson.meta.title),
      this.stepArea,
      nav,
      this.total,
    );
    this.go(Math.min(record.step, lesson.steps.length - 1));
  }

  get stepIndex(): number {
    return this.current;
  }

  get stepCount(): number {
    return this.lesson.steps.length;
  }

  /** The index of the step with this title, if the lesson has one. */
  stepTitled(title: string): number | undefined {
    const index = this.lesson.steps.findIndex((step) => step.title === title);
    return index < 0 ? undefined : index;
  }

  get stepTitle(): string {
    return this.lesson.steps[this.current]!.title;
  }

  /** Left/Right arrows step through the lesson unless the key belongs to a text field. */
  handleKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isEditing(event.target)) return;
    if (event.key === 'ArrowRight') this.go(this.current + 1);
    else if (event.key === 'ArrowLeft') this.go(this.current - 1);
    else return;
    event.preventDefault();
  }

  go(index: number): void {
    if (index < 0 || index >= this.lesson.steps.length) return;
    const leavingFocus = document.activeElement;
    this.current = index;
    let element = this.built.get(index);
    if (!element) {
      element = this.buildStep(this.lesson.steps[index]!, index);
      this.built.set(index, element);
    }
    this.stepArea.replaceChildren(element);
    focusableWhereScrolling(element);
    const count = this.lesson.steps.length;
    this.indicator.textContent = `Step ${index + 1} of ${count}`;
    this.backButton.disabled = index === 0;
    this.nextButton.disabled = index === count - 1;
    // A button that just became disabled would drop keyboard focus on the floor.
    if (leavingFocus instanceof HTMLButtonElement && leavingFocus.disabled) {
      (index === 0 ? this.nextButton : this.backButton).focus();
    }
    this.progress.markStep(this.record, index);
    this.onStep(index);
  }
}

/**
 * A box of lesson text that scrolls sideways on this screen (wide maths, code, a table) must be
 * reachable from the keyboard to be scrolled; one that fits stays out of the Tab order.
 */
function focusableWhereScrolling(step: HTMLElement): void {
  for (const box of step.querySelectorAll<HTMLElement>(
    '.katex-display, .lesson-html pre, .lesson-html table',
  )) {
    if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
}

function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('.cm-editor') !== null
  );
}
