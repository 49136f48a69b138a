// The check of every message the Python worker sends: student code can post anything to the
// page. Kept apart from protocol.ts so that zod loads with the worker's first message, after the
// first lesson is on screen.
import { z } from 'zod';
import type { BackwardTrace } from '../../core/autograd/backward-trace.ts';
import type { GraphSnapshot } from '../../core/autograd/graph-export.ts';
import type { FromWorker } from './protocol.ts';

/** Plotted values: NaN and ±Infinity included (log of 0, a masked grid node), as matplotlib. */
const numbers = z.array(z.custom<number>((value) => typeof value === 'number'));

const plotSchema = z.object({
  lines: z.array(
    z.object({
      kind: z.enum(['line', 'scatter', 'contour', 'contourf', 'surface', 'line3d', 'scatter3d']),
      x: numbers,
      y: numbers,
      z: numbers.optional(),
      columns: z.number().int().positive().optional(),
      levels: numbers.optional(),
      label: z.string().nullable(),
    }),
  ),
  xlabel: z.string().nullable(),
  ylabel: z.string().nullable(),
  title: z.string().nullable(),
  legend: z.boolean(),
  zlabel: z.string().nullable().optional(),
  texts: z.array(z.object({ x: z.number(), y: z.number(), text: z.string() })).optional(),
  xlim: z.tuple([z.number(), z.number()]).optional(),
  ylim: z.tuple([z.number(), z.number()]).optional(),
  colorbar: z.boolean().optional(),
  legendLabels: z.array(z.string()).optional(),
  contourLabels: z.boolean().optional(),
});

const jsonNumber = z.union([z.number(), z.literal('nan'), z.literal('inf'), z.literal('-inf')]);

/** core/autograd's GraphSnapshot (a custom Function carries the snapshot of its forward). */
const graphSnapshotSchema: z.ZodType<GraphSnapshot> = z.lazy(() =>
  z.object({
    nodes: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['leaf', 'op', 'constant']),
        op: z.string().nullable(),
        gradFn: z.string().nullable(),
        inputs: z.array(z.number().int()),
        attrs: z.record(z.string(), z.unknown()),
        shape: z.array(z.number().int()),
        dtype: z.enum(['float32', 'float64', 'int64', 'bool']),
        numel: z.number().int(),
        values: z.array(jsonNumber),
        grad: z.array(jsonNumber).nullable(),
        label: z.string().nullable(),
        outputNr: z.number().int(),
        argument: z.number().int().optional(),
        custom: z.object({ name: z.string(), forward: graphSnapshotSchema }).optional(),
      }),
    ),
    root: z.number().int(),
  }),
) as z.ZodType<GraphSnapshot>;

const tensorValueSchema = z.object({
  shape: z.array(z.number().int()),
  values: z.array(jsonNumber),
});

/** core/autograd's BackwardTrace: the nodes backward ran, in order, with their numbers. */
const backwardTraceSchema: z.ZodType<BackwardTrace> = z.object({
  steps: z.array(
    z.object({
      id: z.number().int(),
      gradFn: z.string(),
      gradOutputs: z.array(tensorValueSchema.nullable()),
      saved: z.record(z.string(), z.union([tensorValueSchema, jsonNumber])),
      inputs: z.array(
        z.object({
          id: z.number().int().nullable(),
          name: z.string().nullable(),
          formula: z.string().nullable(),
          grad: tensorValueSchema.nullable(),
        }),
      ),
      accumulated: z
        .object({ before: tensorValueSchema.nullable(), after: tensorValueSchema })
        .optional(),
      custom: z.object({ returned: z.array(tensorValueSchema.nullable()) }).optional(),
    }),
  ),
});

const cellResultSchema = z.object({
  stdout: z.string(),
  display: z.string().nullable(),
  error: z.string().nullable(),
  traceback: z.string().nullable(),
  warnings: z.array(z.string()),
  plots: z.array(plotSchema),
  graphs: z.array(
    z.object({
      line: z.number().int(),
      graph: graphSnapshotSchema,
      trace: backwardTraceSchema,
    }),
  ),
});

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), startMs: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: cellResultSchema }),
  z.object({ type: z.literal('reset-done'), id: z.number().int() }),
]);

/** The message if it is one the worker may send, else null (and it is ignored). */
export function parseFromWorker(data: unknown): FromWorker | null {
  const parsed = fromWorkerSchema.safeParse(data);
  return parsed.success ? (parsed.data as FromWorker) : null;
}
