// "Visible" as a student means drawn on screen, maths included: KaTeX's fonts use
// font-display: block, so its glyphs stay invisible until they have loaded.

/** When the page's last web font finished loading (ms on the performance timeline). */
let lastFontLoaded = 0;
document.fonts.addEventListener('loadingdone', (event) => {
  lastFontLoaded = Math.max(lastFontLoaded, event.timeStamp);
});

/**
 * Marks `name` on the performance timeline at the time what the page holds now was drawn with
 * its fonts: the start of the frame after the one that painted it (frame callbacks are not
 * held up by the page's other tasks, as a timer would be).
 */
export async function markWhenPainted(name: string): Promise<void> {
  // The content is styled, laid out and painted in the frame after this callback; its layout
  // starts loading any font it needs.
  let painting = await nextFrame();
  let drawn = await nextFrame();
  // A font still loading, or one that arrived after that frame began, means blank glyphs were
  // drawn: wait for the fonts and for a frame that paints them.
  while (document.fonts.status !== 'loaded' || lastFontLoaded > painting) {
    await document.fonts.ready;
    painting = await nextFrame();
    drawn = await nextFrame();
  }
  performance.mark(name, { startTime: drawn });
}

/** Resolves at the start of the next frame, with its time. */
function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves once the next frame has been produced (a task queued from inside its callback). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
