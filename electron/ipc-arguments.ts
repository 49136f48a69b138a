// What each request from the renderer may carry. The renderer is untrusted input: a message
// that does not match is refused before any handler sees it.
import { z } from 'zod';
import type { InvokeArgs, InvokeMethod } from './ipc-events.ts';

const MAX_CSV_CHARS = 20_000_000;
const MAX_FILE_NAME_CHARS = 255;
const MAX_URL_CHARS = 2048;

const argumentSchemas: { [M in InvokeMethod]: z.ZodType<InvokeArgs<M>> } = {
  listLessons: z.tuple([]),
  openLessonFolder: z.tuple([]),
  loadProgress: z.tuple([]),
  saveProgress: z.tuple([z.unknown()]),
  exportGrades: z.tuple([z.string().max(MAX_CSV_CHARS), z.string().max(MAX_FILE_NAME_CHARS)]),
  exportSubmission: z.tuple([z.string().max(MAX_CSV_CHARS), z.string().max(MAX_FILE_NAME_CHARS)]),
  openExternal: z.tuple([z.string().max(MAX_URL_CHARS)]),
};

export function parseInvokeArguments<M extends InvokeMethod>(
  method: M,
  args: unknown[],
): InvokeArgs<M> {
  const result = argumentSchemas[method].safeParse(args);
  if (!result.success) {
    throw new Error(`Refused ${method}: ${z.prettifyError(result.error).replaceAll('\n', ' ')}`);
  }
  // Sound: argumentSchemas[method] is typed as a parser of InvokeArgs<M> above.
  return result.data as InvokeArgs<M>;
}
