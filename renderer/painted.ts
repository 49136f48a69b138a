// "Visible" as a student means drawn on screen, maths included: KaTeX's fonts use
// font-display: block, so its glyphs stay invisible until they have loaded.

/** Marks `name` on the performance timeline once what the page holds now has been painted. */
export async function markWhenPainted(name: string): Promise<void> {
  // After one frame, style and layout have run, so the fonts the page needs are loading.
  await afterNextFrame();
  await document.fonts.ready;
  await afterNextFrame();
  performance.mark(name);
}

/** Resolves once the next frame has been produced (a task queued from inside its callback). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
