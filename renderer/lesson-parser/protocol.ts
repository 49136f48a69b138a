// The messages between the page and its lesson parser worker (lesson-worker.ts).
import type { Lesson, LessonProblem } from '../../core/lessons/types.ts';

export interface ParseRequest {
  id: number;
  fileName: string;
  text: string;
}

export type ParseAnswer =
  | { id: number; lesson: Lesson | null; problems: LessonProblem[] }
  /** The parser itself threw (a bug): the message, for the lesson's problem. */
  | { id: number; failure: string };
