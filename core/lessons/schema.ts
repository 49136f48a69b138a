// The YAML of a lesson file as zod schemas: one source for validation (strict: unknown keys are
// errors) and for lessons/schema.json (editor completion). These describe what authors write;
// normalize.ts turns a validated block into the types of types.ts, with defaults filled in.
import { z } from 'zod';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const idText = z
  .string()
  .regex(ID_PATTERN, 'must hold only letters, digits, - and _, and start with a letter or digit');

const expression = z.string().min(1).describe('Maths as a person types it: 2x^3 + x, u*v + u^2');
const point = z
  .record(z.string(), z.number())
  .describe('Value of every variable, e.g. {x: 1} or {u: 2, v: 1}');
const tolerance = z
  .strictObject({
    absolute: z.number().nonnegative().optional().describe('Largest accepted |given - expected|'),
    relative: z
      .number()
      .nonnegative()
      .optional()
      .describe('Largest accepted |given - expected| / |expected|'),
  })
  .describe('Accepted when within the absolute OR the relative tolerance');
const markdown = z.string().describe('Markdown with $maths$');
const pythonCode = z.string().describe('Python code');

export const frontMatterSchema = z
  .strictObject({
    id: idText.describe('Stable id of the lesson: progress and grades are keyed by it'),
    title: z.string().min(1).describe('Title shown in the lesson list'),
    order: z.number().optional().describe('Position in the course (ascending)'),
    summary: z.string().optional().describe('One or two sentences for the lesson list'),
  })
  .describe('Front matter of a lesson file, between --- lines at the top');

const derivedNumber = z
  .strictObject({
    f: expression,
    wrt: z.string().min(1).describe('The variable to differentiate with respect to'),
    at: point,
  })
  .describe('The expected number is df/d(wrt) at the point `at`');

const derivedExpression = z
  .strictObject({
    f: expression,
    wrt: z.string().min(1).describe('The variable to differentiate with respect to'),
  })
  .describe('The expected expression is df/d(wrt)');

const numberAnswer = z.strictObject({
  type: z.literal('number'),
  value: z.number().optional().describe('The expected number (or give `from`)'),
  from: derivedNumber.optional(),
  tolerance: tolerance.optional(),
});

const expressionAnswer = z.strictObject({
  type: z.literal('expression'),
  value: z
    .union([z.string(), z.number()])
    .optional()
    .describe('The expected expression (or give `from`)'),
  from: derivedExpression.optional(),
  vars: z
    .array(z.string())
    .optional()
    .describe('Variables the answer may use (default: those of the expected expression)'),
  limits: z
    .record(z.string(), z.tuple([z.number(), z.number()]))
    .optional()
    .describe('Sampling interval per variable for the equivalence test, e.g. {x: [-2, 2]}'),
  tolerance: tolerance.optional(),
});

const codeCheck = z
  .strictObject({
    expr: z.string().min(1).describe('Python expression evaluated after the student code'),
    value: z
      .union([z.number(), z.array(z.number()), z.boolean()])
      .optional()
      .describe('Expected value; without `value` and `from`, the value after the solution runs'),
    from: derivedNumber.optional(),
    tolerance: tolerance.optional(),
    message: z.string().optional().describe('Said to the student when this check fails'),
  })
  .describe('Compares a Python expression with its expected value');

const gradcheckSpec = z
  .strictObject({
    function: z.string().min(1).describe('Name of the torch.autograd.Function subclass to test'),
    inputs: z
      .array(z.union([z.number(), z.array(z.number())]))
      .min(1)
      .optional()
      .describe('Arguments to apply(): numbers (0-D) or lists (1-D) of float64 values'),
  })
  .describe("torch.autograd.gradcheck of the student's Function");

const compositionTest = z
  .strictObject({
    call: z
      .string()
      .min(1)
      .describe('Python expression using the Function, e.g. 3 * Cube.apply(x)'),
    at: point.describe('Leaf tensors (float64, requires_grad) the call uses'),
    grad: z
      .record(z.string(), z.number())
      .optional()
      .describe('Expected gradient per leaf (or give f)'),
    f: expression.optional().describe('The same function as maths; its derivatives are expected'),
    message: z.string().optional().describe('Said to the student when this test fails'),
  })
  .describe("Gradients of a bigger expression built with the student's Function");

const codeAnswer = z.strictObject({
  type: z.literal('code'),
  starter: pythonCode.optional().describe("Code pre-filled in the student's editor"),
  setup: pythonCode
    .optional()
    .describe('Python run before the student code (default: import torch)'),
  checks: z.array(codeCheck).optional(),
  tests: pythonCode
    .optional()
    .describe('Python statements (asserts) run after the student code; an exception fails'),
  requireBackward: z
    .boolean()
    .optional()
    .describe('Gradients must come from backward(), not typed-in numbers (default true)'),
  gradcheck: gradcheckSpec.optional(),
  compose: z.array(compositionTest).optional(),
});

const answer = z
  .discriminatedUnion('type', [numberAnswer, expressionAnswer, codeAnswer])
  .describe('How the answer is checked');

const feedbackRule = z
  .strictObject({
    answer: z
      .union([z.string(), z.number()])
      .optional()
      .describe('A wrong answer to recognise (number and expression items)'),
    when: z
      .string()
      .optional()
      .describe('A Python condition after the student code (code items), e.g. x.grad == 4'),
    say: markdown.describe('What to tell the student'),
  })
  .describe('Feedback for an expected mistake');

export const practiceSchema = z
  .strictObject({
    id: idText.describe('Stable id within the lesson (gradlab grade LESSON ID)'),
    prompt: markdown.describe('The question'),
    points: z.number().positive().optional().describe('Marks for a full answer (default 1)'),
    penalty: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Fraction of the points lost per wrong attempt (default 0.1)'),
    answer,
    hints: z.array(markdown).optional().describe('Revealed one at a time, in order'),
    solution: z
      .union([z.string(), z.number()])
      .optional()
      .describe('A model answer; gradlab check requires it to earn full marks'),
    explanation: markdown.optional().describe('Shown with the solution'),
    feedback: z.array(feedbackRule).optional(),
  })
  .describe('A ```practice block: a graded question');

export const derivativeSchema = z
  .strictObject({
    f: expression,
    wrt: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Variable or list of variables'),
    at: point.optional().describe('Point at which to show the values'),
    plot: z
      .union([
        z.boolean(),
        z.strictObject({
          variable: z.string().optional().describe('Horizontal axis (default: the first of wrt)'),
          range: z
            .tuple([z.number(), z.number()])
            .optional()
            .describe('[from, to] (default [-5, 5])'),
        }),
      ])
      .optional()
      .describe('Plot f and its derivative (default true)'),
    caption: markdown.optional().describe('A sentence under the panel'),
    graph: z
      .boolean()
      .optional()
      .describe('Show the autograd graph of f at the point, with step-through (default false)'),
  })
  .describe('A ```derivative block: a symbolic derivative beside autograd');

export type PracticeInput = z.output<typeof practiceSchema>;
export type DerivativeInput = z.output<typeof derivativeSchema>;

/** lessons/schema.json: the front matter and the two YAML blocks, for editors. */
export function lessonJsonSchema(): Record<string, unknown> {
  const part = (schema: z.ZodType) => {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' });
    return rest;
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Gradlab lesson file',
    description:
      'The YAML parts of a Gradlab lesson (see lessons/README.md): front matter, ```derivative and ```practice blocks.',
    $defs: {
      frontMatter: part(frontMatterSchema),
      derivative: part(derivativeSchema),
      practice: part(practiceSchema),
    },
    anyOf: [
      { $ref: '#/$defs/frontMatter' },
      { $ref: '#/$defs/derivative' },
      { $ref: '#/$defs/practice' },
    ],
  };
}
