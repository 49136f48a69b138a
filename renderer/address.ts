// The page's addresses: `#/<lesson id>` and `#/<lesson id>/<step number>` (1-based), readable and
// stable across rebuilds and reorderings of a course, since a lesson's id is its own. Links of
// the older form `#lesson=<key>` still open their lesson.

export type Address =
  | { lessonId: string; step?: number }
  /** The older form, naming the host's key of the lesson file. */
  | { key: string };

export function readAddress(hash: string): Address | null {
  const readable = /^#\/([^/]+)(?:\/(\d+))?\/?$/.exec(hash);
  if (readable) {
    const lessonId = safeDecode(readable[1]!);
    if (lessonId === null) return null;
    const step = readable[2] === undefined ? undefined : Number(readable[2]);
    return step === undefined || step < 1 ? { lessonId } : { lessonId, step };
  }
  const key = new URLSearchParams(hash.slice(1)).get('lesson');
  return key ? { key } : null;
}

/** `#/derivatives`, or `#/derivatives/3` for its third step. */
export function lessonAddress(lessonId: string, step?: number): string {
  const id = encodeURIComponent(lessonId);
  return step === undefined ? `#/${id}` : `#/${id}/${step}`;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
