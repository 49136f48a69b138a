// Where the app's parts are, in development (`electron-forge start`: the repository) and when
// packaged (the Vite output inside app.asar; the course beside it as an extra resource).
import path from 'node:path';

export interface AppLocation {
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
}

export interface AppPaths {
  preload: string;
  renderer: string;
  builtinLessons: string;
  authoringGuide: string;
}

export function appPaths(location: AppLocation, rendererName: string): AppPaths {
  const lessons = location.isPackaged
    ? path.join(location.resourcesPath, 'lessons')
    : path.join(location.appPath, 'lessons');
  return {
    preload: path.join(location.appPath, '.vite', 'build', 'preload.cjs'),
    renderer: path.join(location.appPath, '.vite', 'renderer', rendererName),
    builtinLessons: lessons,
    authoringGuide: path.join(lessons, 'README.md'),
  };
}
