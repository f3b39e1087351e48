/**
 * The lecture-mode key map, and which focused elements keep their keys to themselves.
 */

export type LectureAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'qr' | 'exit';

/** The fields of a KeyboardEvent the key map reads. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * Maps a key press to a lecture action, or null. Presses with Ctrl, Alt or Meta are left
 * to the browser (find, history, tab switching), and so is Shift with anything but Space.
 */
export function actionForKey(press: KeyPress): LectureAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === ' ' || press.key === 'Spacebar') return press.shiftKey ? 'previous' : 'next';
  if (press.shiftKey && press.key.length > 1) return null;

  switch (press.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'q':
    case 'Q':
      return 'qr';
    case 'Escape':
    case 'Esc':
      return 'exit';
    default:
      return null;
  }
}

/** The fields of a focused element that decide whether it uses keys itself. */
export interface FocusedElement {
  tagName: string;
  role?: string | null;
  isContentEditable?: boolean;
}

/** ARIA widgets that move or edit with arrows, Home, End or typing. */
const KEY_WIDGET_ROLES = new Set([
  'slider',
  'spinbutton',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'radio',
  'radiogroup',
  'menu',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'tab',
  'tablist',
  'tree',
  'treeitem',
  'grid',
  'gridcell',
]);

/**
 * True when the focused element is a form control or a keyboard widget, so lecture keys
 * must do nothing and leave the key to it (a lecturer moves a slider with the arrows).
 */
export function capturesKeys(element: FocusedElement): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (element.isContentEditable) return true;
  const role = element.role?.trim().toLowerCase();
  return role ? KEY_WIDGET_ROLES.has(role) : false;
}

/**
 * True when `key` would activate the focused element itself (Space or Enter on a button,
 * link or summary), so the lecture must not also act on it.
 */
export function activatesElement(element: FocusedElement, key: string): boolean {
  const tag = element.tagName.toUpperCase();
  const role = element.role?.trim().toLowerCase();
  const activatable = tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button' || role === 'link' || role === 'checkbox' || role === 'switch';
  return activatable && (key === ' ' || key === 'Enter');
}
