// A course carried by the page itself: `gradlab build` writes it into a static site's page and
// `gradlab preview` into the page it serves. Its files are the course folder's lesson files and
// course.yaml as written; the page parses them as it parses any lesson folder.

const COURSE_ELEMENT_ID = 'gradlab-course';
/** Where `gradlab preview` sends each saved file, as a server-sent event (beside the page). */
export const COURSE_EVENTS_PATH = 'course-events';

export interface CourseFile {
  /** Its name in the course folder, as problems name it (`file:line:col`). */
  fileName: string;
  text: string;
}

export interface PublishedCourse {
  /** The built-in course comes first. */
  withBuiltin: boolean;
  files: CourseFile[];
  /** Served by `gradlab preview`: saved files arrive at COURSE_EVENTS_PATH. */
  live: boolean;
}

/** The page element that carries the course: data, never run (so the CSP has no say). */
function courseElement(course: PublishedCourse): string {
  // `<` escaped, so no text in a lesson can end the element early.
  const json = JSON.stringify(course).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${COURSE_ELEMENT_ID}">${json}</script>`;
}

/** The page's course, or null in a page without one (the built-in course alone). */
export function readPublishedCourse(document: Document): PublishedCourse | null {
  const text = document.getElementById(COURSE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  const value = JSON.parse(text) as Partial<PublishedCourse>;
  return {
    withBuiltin: value.withBuiltin === true,
    files: Array.isArray(value.files) ? value.files.filter(isCourseFile) : [],
    live: value.live === true,
  };
}

export function isCourseFile(value: unknown): value is CourseFile {
  const file = value as Partial<CourseFile> | null;
  return typeof file?.fileName === 'string' && typeof file.text === 'string';
}

/** The built page with the course in it (in its head, so it is there before the app starts). */
export function pageWithCourse(page: string, course: PublishedCourse): string {
  return page.replace('</head>', () => `${courseElement(course)}\n</head>`);
}
