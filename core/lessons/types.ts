// The shape of a parsed lesson, shared by the parser (core/lessons), the grader (core/grading)
// and the UI (renderer/). Values here are already validated and have their defaults filled in:
// consumers never see a missing tolerance, points value or hint list.
// The file syntax that produces them is documented in lessons/README.md.

/** A place in a lesson file; both 1-based, as editors count. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One problem found in a lesson file, printed as `file:line:col: message`. */
export interface LessonProblem extends SourcePosition {
  file: string;
  message: string;
}

export interface LessonMeta {
  /** Stable identifier (letters, digits, `-`, `_`); progress and grades are keyed by it. */
  id: string;
  title: string;
  /** Position in the course; lessons without one come after those with one, by title. */
  order?: number;
  /** One or two sentences shown in the lesson list. */
  summary?: string;
}

export interface Lesson {
  /** The file the lesson came from, as given to the parser. */
  file: string;
  meta: LessonMeta;
  /** What the runner walks through with "Back"/"Next"; never empty. */
  steps: LessonStep[];
}

export interface LessonStep {
  /** The step's heading text (the lesson title for a step before the first heading). */
  title: string;
  /** The heading as safe inline HTML (it may hold `code` or $maths$). */
  titleHtml: string;
  /** 1-based line where the step starts. */
  line: number;
  blocks: LessonBlock[];
}

export type LessonBlock = MarkdownBlock | PythonBlock | DerivativeBlock | PracticeBlock;

export interface MarkdownBlock {
  kind: 'markdown';
  line: number;
  /** The Markdown source as written. */
  markdown: string;
  /** Sanitised HTML with KaTeX maths (HTML + MathML), safe to insert as is. */
  html: string;
}

export interface PythonBlock {
  kind: 'python';
  /** 1-based line of the cell's first code line. */
  line: number;
  code: string;
  /** false (```python graph=off) leaves the autograd graph view out of this cell's output. */
  graph?: false;
}

/** A symbolic derivative shown next to the autograd value at a point, with a plot. */
export interface DerivativeBlock {
  kind: 'derivative';
  /** 1-based line of the opening fence. */
  line: number;
  /** The function as a person types it: `x^2 + 2x + 1`, `u*v + u^2`. */
  f: string;
  /** Variables to differentiate with respect to, in the order to show them. */
  wrt: string[];
  /** The point at which to evaluate the derivatives (and autograd), if any. */
  at?: Record<string, number>;
  /** Show the autograd graph of f at `at` with its step-through (`graph: true`). */
  graph?: true;
  /** Plot of f and f' over `range` of `variable` (one-variable functions), or null for none. */
  plot: { variable: string; range: [number, number] } | null;
  /** Optional sentence shown under the panel (Markdown rendered to safe HTML). */
  captionHtml?: string;
}

export interface PracticeBlock {
  kind: 'practice';
  line: number;
  item: PracticeItem;
  /** The item's Markdown parts rendered to sanitised HTML for the UI. */
  html: { prompt: string; hints: string[]; explanation?: string };
}

// ---- Practice items (nbgrader ids and points, STACK answer tests and feedback, WeBWorK limits)

export interface PracticeItem {
  /** Stable within the lesson: `gradlab grade LESSON ID` and progress use it. */
  id: string;
  /** Markdown (with maths) asking the question. */
  prompt: string;
  /** Marks for a fully correct answer; default 1. */
  points: number;
  /** Fraction of the points lost per wrong valid attempt (STACK's default 0.1). */
  penalty: number;
  answer: PracticeAnswer;
  /** Markdown hints, revealed one at a time in this order. */
  hints: string[];
  /**
   * A model answer in the answer box's own language (a number, an expression or Python code);
   * `gradlab check` grades it and requires full marks.
   */
  solution?: string;
  /** Markdown shown with the solution: why it is right. */
  explanation?: string;
  /** Instructor rules for expected mistakes, tried in order before the built-in ones. */
  feedback: FeedbackRule[];
  /** 1-based line of the item's opening fence. */
  line: number;
}

export type PracticeAnswer = NumberAnswer | ExpressionAnswer | CodeAnswer;

/**
 * Accepted when |given - expected| <= absolute OR |given - expected| <= relative * |expected|.
 * Defaults: absolute 1e-9, relative 1e-6 (tight: a gradient is an exact number here).
 */
export interface Tolerance {
  absolute: number;
  relative: number;
}

/** A value obtained by differentiating `f` with respect to `wrt` at the point `at`. */
export interface DerivedNumber {
  /** The function as a person types it, e.g. `u*v + (u*v)^2`. */
  f: string;
  wrt: string;
  /** Values of every variable of f. */
  at: Record<string, number>;
}

/** A derivative expression obtained by differentiating `f` with respect to `wrt`. */
export interface DerivedExpression {
  f: string;
  wrt: string;
}

/** Exactly one of `value` and `from` is set. */
export type NumberAnswer = {
  type: 'number';
  tolerance: Tolerance;
} & ({ value: number; from?: undefined } | { from: DerivedNumber; value?: undefined });

/** Exactly one of `value` and `from` is set. */
export type ExpressionAnswer = {
  type: 'expression';
  /** Variables the answer may use; empty means those of the expected expression. */
  vars: string[];
  /** Sampling interval per variable for the numeric equivalence test (WeBWorK's `limits`). */
  limits: Record<string, [number, number]>;
  /** Relative tolerance of the numeric equivalence test at the sample points. */
  tolerance: Tolerance;
} & ({ value: string; from?: undefined } | { from: DerivedExpression; value?: undefined });

/** The student's Python runs in a fresh namespace (after `setup`), then the checks run. */
export interface CodeAnswer {
  type: 'code';
  /** Code pre-filled in the student's editor. */
  starter: string;
  /** Python run (hidden) before the student's code; default `import torch`. */
  setup: string;
  checks: CodeCheck[];
  /** Python statements (nbgrader-style asserts) run after the student's code; any exception fails. */
  tests?: string;
  /**
   * The student's code must get its gradients from autograd: a `backward()` (or
   * `torch.autograd.grad`) call filled the checked `.grad`s, not numbers typed in. Default false.
   */
  requireBackward: boolean;
  /** Run torch.autograd.gradcheck on a custom Function the student defines. */
  gradcheck?: GradcheckSpec;
  /** Use the student's Function inside bigger expressions and compare gradients. */
  compose: CompositionTest[];
}

/**
 * A Python expression evaluated after the student's code, compared with an expected value:
 * `value` as given, `from` derived symbolically, or (neither) the same expression evaluated
 * after running the item's `solution` in a fresh namespace.
 */
export interface CodeCheck {
  /** Python expression, e.g. `x.grad`, `u.grad`, `y.grad_fn is not None`. */
  expr: string;
  /** A number, a flat list (a tensor compared elementwise after flattening) or a boolean. */
  value?: number | number[] | boolean;
  from?: DerivedNumber;
  tolerance: Tolerance;
  /** Said to the student when this check fails (else a built-in sentence). */
  message?: string;
}

export interface GradcheckSpec {
  /** Name of the torch.autograd.Function subclass the student's code defines. */
  function: string;
  /**
   * Arguments to `Function.apply`, each made a float64 tensor with requires_grad=True: a number
   * is a 0-D tensor, a list a 1-D tensor. Default: one 1-D input [0.5, -1.25, 2.0].
   */
  inputs: Array<number | number[]>;
}

/** E.g. `3 * Cube.apply(x)` at x = 2 must give the gradient of 3x^3 there. */
export interface CompositionTest {
  /** Python expression over the leaves named in `at` (float64 tensors, requires_grad). */
  call: string;
  at: Record<string, number>;
  /** Expected gradient per leaf; or, instead, `f`: the same function as maths to derive. */
  grad?: Record<string, number>;
  f?: string;
  message?: string;
}

/**
 * For number and expression items: `answer` is compared with the student's answer by the
 * item's own test (numeric tolerance or equivalence). For code items: `when` is a Python
 * condition evaluated after the student's code (e.g. `x.grad.item() == 4`).
 */
export type FeedbackRule =
  | { answer: string; say: string; when?: undefined }
  | { when: string; say: string; answer?: undefined };
