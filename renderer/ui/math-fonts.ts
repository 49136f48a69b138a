// KaTeX's upright and italic letters, which nearly every formula uses. The page preloads their
// files (vite.renderer.config.mts); loading the faces too, while the lesson is being built,
// lets the lesson's first frame show its maths instead of blank glyphs (font-display: block).
const everydayFaces = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];

export function loadEverydayMathFonts(): void {
  for (const face of everydayFaces) void document.fonts.load(face).catch(() => undefined);
}
