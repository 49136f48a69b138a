// "Visible" as a student means drawn on screen, maths included: KaTeX's fonts use
// font-display: block, so its glyphs stay invisible until they have loaded.

/** Marks `name` on the performance timeline once what the page holds now has been painted. */
export async function markWhenPainted(name: string): Promise<void> {
  // That frame's style and layout start loading the fonts the page needs; if none is still
  // loading after it, it was painted with all of them.
  await afterNextFrame();
  if (document.fonts.status !== 'loaded') {
    await document.fonts.ready;
    await afterNextFrame();
  }
  performance.mark(name);
}

/** Resolves once the next frame has been produced (a task queued from inside its callback). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
