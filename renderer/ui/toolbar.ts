// The app bar's commands for students and instructors.
import { button } from './dom.ts';

export interface ToolbarActions {
  openFolder: () => void;
  resetProgress: () => void;
  exportGrades: () => void;
  exportSubmission: () => void;
}

export function renderToolbar(container: HTMLElement, actions: ToolbarActions): void {
  container.replaceChildren(
    button('Open lesson folder…', actions.openFolder),
    button('Export grades', actions.exportGrades),
    button('Export submission…', actions.exportSubmission),
    button('Reset progress', actions.resetProgress),
  );
}
