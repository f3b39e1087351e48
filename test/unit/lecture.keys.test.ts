import { actionForKey, activatesElement, capturesKeys, type KeyPress } from '@/lib/lecture/keys';

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers };
}

describe('actionForKey', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['f', 'fullscreen'],
    ['F', 'fullscreen'],
    ['q', 'qr'],
    ['Escape', 'exit'],
  ])('maps %j to %s', (key, action) => {
    expect(actionForKey(press(key))).toBe(action);
  });

  it('maps Shift+Space to previous', () => {
    expect(actionForKey(press(' ', { shiftKey: true }))).toBe('previous');
  });

  it('ignores keys with Ctrl, Alt or Meta', () => {
    expect(actionForKey(press('f', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(actionForKey(press('ArrowRight', { metaKey: true }))).toBeNull();
  });

  it('ignores Shift with navigation keys', () => {
    expect(actionForKey(press('ArrowRight', { shiftKey: true }))).toBeNull();
    expect(actionForKey(press('End', { shiftKey: true }))).toBeNull();
  });

  it('ignores unmapped keys', () => {
    expect(actionForKey(press('a'))).toBeNull();
    expect(actionForKey(press('Enter'))).toBeNull();
    expect(actionForKey(press('Tab'))).toBeNull();
  });
});

describe('capturesKeys', () => {
  it('is true for form controls', () => {
    expect(capturesKeys({ tagName: 'INPUT' })).toBe(true);
    expect(capturesKeys({ tagName: 'select' })).toBe(true);
    expect(capturesKeys({ tagName: 'TEXTAREA' })).toBe(true);
    expect(capturesKeys({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('is true for keyboard widgets by role', () => {
    expect(capturesKeys({ tagName: 'DIV', role: 'slider' })).toBe(true);
    expect(capturesKeys({ tagName: 'DIV', role: 'radiogroup' })).toBe(true);
    expect(capturesKeys({ tagName: 'SPAN', role: 'Spinbutton' })).toBe(true);
  });

  it('is false for the page and buttons', () => {
    expect(capturesKeys({ tagName: 'BODY' })).toBe(false);
    expect(capturesKeys({ tagName: 'BUTTON' })).toBe(false);
    expect(capturesKeys({ tagName: 'DIV', role: 'img' })).toBe(false);
  });
});

describe('activatesElement', () => {
  it('is true for Space and Enter on buttons and links', () => {
    expect(activatesElement({ tagName: 'BUTTON' }, ' ')).toBe(true);
    expect(activatesElement({ tagName: 'A' }, 'Enter')).toBe(true);
    expect(activatesElement({ tagName: 'DIV', role: 'button' }, ' ')).toBe(true);
  });

  it('is false for arrows on buttons and for Space on the page', () => {
    expect(activatesElement({ tagName: 'BUTTON' }, 'ArrowRight')).toBe(false);
    expect(activatesElement({ tagName: 'BODY' }, ' ')).toBe(false);
  });
});
