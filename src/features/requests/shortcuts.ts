/**
 * Every keyboard shortcut, as the `?` dialog lists them. The drawer adds its own entries here
 * (scope 'Drawer'); handlers live with their features and call isTypingTarget() (src/lib/keyboard.ts) first.
 */
export interface Shortcut {
  /** Keys as shown, e.g. ['j', '↓']: any of them works. */
  keys: string[];
  description: string;
  scope: 'Table' | 'Drawer' | 'Anywhere';
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['j', '↓'], description: 'Focus the next request', scope: 'Table' },
  { keys: ['k', '↑'], description: 'Focus the previous request', scope: 'Table' },
  { keys: ['Enter'], description: 'Open the focused request', scope: 'Table' },
  { keys: ['c'], description: "Copy the focused request's ID", scope: 'Table' },
  { keys: ['x'], description: 'Select or unselect the focused request', scope: 'Table' },
  {
    keys: ['X'],
    description: 'Select every request from the last selected one to the focused one',
    scope: 'Table',
  },
  { keys: ['Esc'], description: 'Clear the selection', scope: 'Table' },
  { keys: ['/'], description: 'Search requests', scope: 'Anywhere' },
  { keys: ['?'], description: 'Show keyboard shortcuts', scope: 'Anywhere' },
  { keys: ['j'], description: 'Open the next request in the list', scope: 'Drawer' },
  { keys: ['k'], description: 'Open the previous request in the list', scope: 'Drawer' },
  {
    keys: ['1', '2', '3', '4', '5'],
    description: 'Set the default score to 20, 40, 60, 80, 100',
    scope: 'Drawer',
  },
  { keys: ['0'], description: 'Set the default score to 0', scope: 'Drawer' },
  { keys: ['m'], description: 'Add metadata (focus the metadata key field)', scope: 'Drawer' },
  { keys: ['c'], description: "Copy the open request's ID", scope: 'Drawer' },
  { keys: ['Esc'], description: 'Close the drawer (leave a field first)', scope: 'Drawer' },
];
