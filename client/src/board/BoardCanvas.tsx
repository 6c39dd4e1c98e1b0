// tldraw's canvas, first drawn once tldraw's interface has its translations. The interface's
// translation provider mounts with the canvas, starts with built-in English and sets the loaded
// strings right after; every note reads that context, so a board drawn before then was drawn twice
// (2,000 notes rendered 4,000 times). The canvas waits for the strings, at most `translationWaitMs`:
// a slow or failed load still gets the board on screen.
import { useEffect, useState, type JSX } from 'react';
import { DefaultCanvas, useMaybeCurrentTranslation, type TLCanvasComponentProps } from 'tldraw';

export const translationWaitMs = 300;

export function BoardCanvas(props: TLCanvasComponentProps): JSX.Element {
  const translation = useMaybeCurrentTranslation();
  const [first] = useState(translation);
  const [waitedEnough, setWaitedEnough] = useState(false);
  const ready = waitedEnough || translation !== first;
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(() => setWaitedEnough(true), translationWaitMs);
    return () => clearTimeout(timer);
  }, [ready]);
  return ready ? <DefaultCanvas {...props} /> : <div className="tl-canvas" />;
}
