// Shapes out of view render no content. tldraw keeps every shape on the page mounted and hides the
// ones outside the viewport with `display: none`; each mounted note still holds a dozen reactive
// subscriptions (zoom level, hovered and editing shape, instance state, current tool). On a board of
// 10,000 notes every pan frame walked those 100,000-odd subscribers, which made a frame take hundreds
// of milliseconds. Here a hidden shape keeps its tldraw container (so tldraw's own culling, z-order
// and transforms work as before) but not its content; the content mounts again in the same frame as
// the shape comes into view. Selected shapes and the one being edited are never culled by tldraw, so
// keyboard focus and editing are unaffected.
import { forwardRef, useCallback, useSyncExternalStore } from 'react';
import { DefaultShapeWrapper, react, useEditor, type Editor, type TLShapeId, type TLShapeWrapperProps } from 'tldraw';

/** Which shapes tldraw culls, told to each shape whose culling changes (one subscription per editor). */
interface CullingWatch {
  isCulled(id: TLShapeId): boolean;
  subscribe(id: TLShapeId, listener: () => void): () => void;
}

const watches = new WeakMap<Editor, CullingWatch>();

function cullingWatch(editor: Editor): CullingWatch {
  let watch = watches.get(editor);
  if (!watch) {
    watch = createCullingWatch(editor);
    watches.set(editor, watch);
  }
  return watch;
}

function createCullingWatch(editor: Editor): CullingWatch {
  const listeners = new Map<TLShapeId, Set<() => void>>();
  let culled: ReadonlySet<TLShapeId> = editor.getCulledShapes();
  let stop: (() => void) | null = null;
  const tell = (id: TLShapeId) => listeners.get(id)?.forEach((listener) => listener());
  const start = () =>
    react('culled shape content', () => {
      // tldraw returns the same set while nothing changed, so most camera moves stop here.
      const next = editor.getCulledShapes();
      if (next === culled) return;
      const previous = culled;
      culled = next;
      for (const id of previous) if (!next.has(id)) tell(id);
      for (const id of next) if (!previous.has(id)) tell(id);
    });
  return {
    isCulled: (id) => culled.has(id),
    subscribe(id, listener) {
      let forShape = listeners.get(id);
      if (!forShape) listeners.set(id, (forShape = new Set()));
      forShape.add(listener);
      stop ??= start();
      return () => {
        forShape.delete(listener);
        if (forShape.size === 0) listeners.delete(id);
        if (listeners.size === 0) {
          stop?.();
          stop = null;
        }
      };
    },
  };
}

function useIsCulled(id: TLShapeId): boolean {
  const watch = cullingWatch(useEditor());
  const subscribe = useCallback((listener: () => void) => watch.subscribe(id, listener), [watch, id]);
  const isCulled = useCallback(() => watch.isCulled(id), [watch, id]);
  return useSyncExternalStore(subscribe, isCulled);
}

/** tldraw's shape container, empty while the shape is out of view (tldraw's `ShapeWrapper` slot). */
export const CullingShapeWrapper = forwardRef<HTMLDivElement, TLShapeWrapperProps>(function CullingShapeWrapper(
  { children, ...props },
  ref,
) {
  const isCulled = useIsCulled(props.shape.id);
  return (
    <DefaultShapeWrapper ref={ref} {...props}>
      {isCulled ? null : children}
    </DefaultShapeWrapper>
  );
});
