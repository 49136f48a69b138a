// A practice item: the prompt, an "Answer" box (read back as the student types) or a code
// editor, "Check" with the verdict in a status line, hints in order, "Show solution", and the
// attempts and score, all kept in the student's progress.
import type { PracticeBlock, PracticeItem } from '../../core/lessons/types.ts';
import type { ItemProgress, Progress } from '../progress/progress.ts';
import { button, h, trustedHtml } from './dom.ts';
import { lazyPythonEditor } from './lazy-editor.ts';
import { verdictText } from './verdict-text.ts';

export interface Verdict {
  /** False when the answer could not be read (it costs no attempt). */
  valid: boolean;
  correct: boolean;
  /** 0..1 of the item's points, penalties for earlier wrong attempts included. */
  score: number;
  feedback: string;
  /** What the student's code printed (code answers). */
  output?: string;
}

export type PracticeGrader = (
  item: PracticeItem,
  answer: string,
  wrongAttemptsBefore: number,
) => Promise<Verdict>;

/** `lessonHash` gives the hash of a lesson's current text, recorded with each answer. */
export function practiceRenderer(
  progress: Progress,
  grade: PracticeGrader,
  lessonHash: (lessonKey: string) => string | null,
) {
  return (lessonKey: string) => (block: PracticeBlock) =>
    practiceItem(block, progress, progress.item(lessonKey, block.item.id), grade, () =>
      lessonHash(lessonKey),
    );
}

function practiceItem(
  block: PracticeBlock,
  progress: Progress,
  state: ItemProgress,
  grade: PracticeGrader,
  lessonHash: () => string | null,
): HTMLElement {
  const { item } = block;
  const verdict = h('div', { role: 'status', class: 'verdict' });
  const printed = h('div', { class: 'printed' });
  const tally = h('p', { class: 'tally' });
  const hints = h('ol', { class: 'hints', 'aria-live': 'polite' });
  const solution = h('div', { class: 'solution' });
  const answerArea = h('div', { class: 'answer' });
  // One verdict at a time: a changed answer has not been checked yet.
  const answerChanged = () => {
    verdict.className = 'verdict';
    verdict.textContent = '';
    printed.replaceChildren();
  };
  const readAnswer = answerInput(item, state, answerArea, () => void check(), answerChanged);

  const showTally = () => {
    tally.replaceChildren(
      `Attempts: ${state.attempts} · Score: ${(state.score * item.points).toFixed(2)} of ${item.points}` +
        (state.correct ? ' · Solved' : ''),
      h('span', { class: 'note scoring-rule' }, ` (${scoringRule(item)})`),
    );
  };
  const showHints = () => {
    hints.replaceChildren(
      ...block.html.hints
        .slice(0, state.hintsShown)
        .map((html) => h('li', {}, trustedHtml('div', html, 'hint'))),
    );
    hintButton.disabled = state.hintsShown >= block.html.hints.length;
  };
  const showSolution = async () => {
    if (!state.solutionShown) return;
    const { textWithMaths } = await import('./text-with-maths.ts');
    solution.replaceChildren(
      h('h4', {}, 'Solution'),
      item.answer.type === 'code'
        ? h('pre', { class: 'solution-text' }, item.solution ?? '')
        : h('p', { class: 'solution-text' }, ...textWithMaths(item.solution ?? '')),
    );
    if (block.html.explanation) {
      solution.append(trustedHtml('div', block.html.explanation, 'lesson-html'));
    }
  };

  const check = async () => {
    const answer = readAnswer();
    checkButton.disabled = true;
    verdict.className = 'verdict';
    verdict.textContent = 'Checking…';
    try {
      const wrongBefore = state.attempts - (state.correct ? 1 : 0);
      const result = await grade(item, answer, wrongBefore);
      // KaTeX loads with the first verdict, not with the page.
      const { textWithMaths } = await import('./text-with-maths.ts');
      verdict.className = `verdict ${result.correct ? 'verdict-correct' : 'verdict-wrong'}`;
      // A syntax error's line and caret follow its sentence, in a monospace block.
      const [sentence = '', ...code] = verdictText(result).split('\n');
      verdict.replaceChildren(
        ...textWithMaths(sentence),
        code.length ? h('pre', {}, code.join('\n')) : '',
      );
      printed.replaceChildren(
        ...(result.output
          ? [h('p', { class: 'note' }, 'Your code printed:'), h('pre', {}, result.output)]
          : []),
      );
      if (result.valid) {
        state.attempts += 1;
        state.correct = state.correct || result.correct;
        state.score = Math.max(state.score, result.score);
        state.lastAnswer = answer;
        state.time = new Date().toISOString();
        state.history.push({ answer, time: state.time, lessonHash: lessonHash() });
        progress.changed();
      }
    } catch (error) {
      verdict.className = 'verdict verdict-wrong';
      verdict.textContent = `Could not check the answer: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      checkButton.disabled = false;
      showTally();
      // After the next layout: the verdict's maths and the tally can still move it.
      requestAnimationFrame(() => verdict.scrollIntoView({ block: 'nearest' }));
    }
  };

  const checkButton = button('Check', () => void check(), { class: 'primary' });
  const hintButton = button('Hint', () => {
    state.hintsShown = Math.min(block.html.hints.length, state.hintsShown + 1);
    progress.changed();
    showHints();
    hints.lastElementChild?.scrollIntoView({ block: 'nearest' });
  });
  const solutionButton = button('Show solution', () => {
    state.solutionShown = true;
    progress.changed();
    void showSolution();
    solution.scrollIntoView({ block: 'nearest' });
  });
  solutionButton.disabled = item.solution === undefined;

  showTally();
  showHints();
  void showSolution();
  return h(
    'section',
    { class: 'panel practice', 'aria-label': `Practice ${item.id}` },
    trustedHtml('div', block.html.prompt, 'lesson-html prompt'),
    answerArea,
    h('div', { class: 'actions' }, checkButton, hintButton, solutionButton),
    verdict,
    printed,
    tally,
    hints,
    solution,
  );
}

/** How the score is counted, said where the score is shown. */
function scoringRule(item: PracticeItem): string {
  const off = Math.round(item.penalty * 100);
  return off > 0
    ? `a right answer earns ${item.points}, less ${off}% for each wrong try before it; an answer that cannot be read costs nothing`
    : `a right answer earns ${item.points}; wrong tries cost nothing`;
}

/** Builds the answer box for the item's type; returns how to read the current answer. */
function answerInput(
  item: PracticeItem,
  state: ItemProgress,
  area: HTMLElement,
  submit: () => void,
  changed: () => void,
): () => string {
  if (item.answer.type === 'code') {
    const initial = state.lastAnswer || item.answer.starter;
    const editor = lazyPythonEditor(area, initial, 'Answer', submit, changed);
    return editor.code;
  }
  const id = `answer-${item.id}-${Math.random().toString(36).slice(2, 8)}`;
  const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: 'false' });
  input.value = state.lastAnswer;
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const update = () =>
    void import('./answer-preview.ts').then(({ answerPreview }) =>
      preview.replaceChildren(answerPreview(input.value)),
    );
  input.addEventListener('input', update);
  input.addEventListener('input', changed);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') submit();
  });
  update();
  area.append(h('label', { for: id }, 'Answer'), input, preview);
  return () => input.value;
}
