import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { atom } from '@tldraw/state';
import { useValue as tldrawUseValue } from '@tldraw/state-react';
import { useValue } from './stateReact.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Mounts a component that doubles an atom through `use`; returns the atom, the render count and the text. */
function mountDoubler(use: typeof useValue) {
  const count = atom('count', 1);
  const renders = { n: 0 };
  function Doubler() {
    renders.n++;
    const doubled = use('doubled', () => count.get() * 2, []);
    return <span>{doubled}</span>;
  }
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(<Doubler />));
  roots.push(root);
  return { count, renders, text: () => container.textContent };
}

const roots: ReturnType<typeof createRoot>[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
});

describe('useValue', () => {
  it('renders a component once when it mounts, where tldraw’s own renders it twice', () => {
    const ours = mountDoubler(useValue);
    expect(ours.text()).toBe('2');
    expect(ours.renders.n).toBe(1);
    // When this fails, tldraw has fixed its useValue and src/board/stateReact.ts can go.
    expect(mountDoubler(tldrawUseValue).renders.n).toBe(2);
  });

  it('renders again when the value changes, and not when it does not', () => {
    const { count, renders, text } = mountDoubler(useValue);
    act(() => count.set(5));
    expect(text()).toBe('10');
    expect(renders.n).toBe(2);
    act(() => count.set(5));
    expect(renders.n).toBe(2);
  });

  it('follows a signal passed directly', () => {
    const name = atom('name', 'Kaisa');
    let shown = '';
    function Name() {
      shown = useValue(name);
      return null;
    }
    const root = createRoot(document.createElement('div'));
    roots.push(root);
    act(() => root.render(<Name />));
    expect(shown).toBe('Kaisa');
    act(() => name.set('Aino'));
    expect(shown).toBe('Aino');
  });
});
