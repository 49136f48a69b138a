// A short fingerprint of a lesson file's text (FNV-1a, 32 bits, and the length): the page uses a
// prebuilt lesson only when its text is unchanged, and a submission records which text each
// answer was given to, so the autograder can tell a lesson that changed since.
export function lessonTextHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
