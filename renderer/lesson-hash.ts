// A short fingerprint of a lesson file's text (FNV-1a, 32 bits): the page uses a lesson parsed
// at build time only when the file it gets has exactly the text that was parsed.
export function lessonTextHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
