// Shapes far out of view render no content. tldraw keeps every shape on the page mounted and hides
// the ones outside the viewport with `display: none`; each mounted note still holds a dozen reactive
// subscriptions (zoom level, hovered and editing shape, instance state, current tool). On a board of
// 10,000 notes every pan frame walked those 100,000-odd subscribers, which made a frame take hundreds
// of milliseconds. Here a shape keeps its tldraw container (so tldraw's own culling, z-order and
// transforms work as before) but its content mounts only near the viewport:
// - ahead of a pan: shapes within half a viewport around it get their content in a transition, a
//   region at a time, so a pan neither waits for it nor shows a note popping in at the edge;
// - at once: any shape tldraw does not cull (in view, selected or being edited), so a jump to a far
//   shape, keyboard focus and editing find the shape's content there.
import { forwardRef, startTransition, useMemo, useState, useSyncExternalStore } from 'react';
import {
  Box,
  DefaultShapeWrapper,
  react,
  useEditor,
  type Editor,
  type TLShapeId,
  type TLShapeWrapperProps,
} from 'tldraw';

/** How far around the viewport content is mounted ahead, as a share of the viewport's longer side. */
const AHEAD = 0.5;

type Listener = () => void;

/** Which shapes should have content; one subscription per editor, telling only the shapes that changed. */
interface ContentWatch {
  isCulled(id: TLShapeId): boolean;
  isAhead(id: TLShapeId): boolean;
  /** `urgent` when tldraw's culling of the shape changes, `ahead` when it enters or leaves the region. */
  subscribe(id: TLShapeId, urgent: Listener, ahead: Listener): () => void;
}

const watches = new WeakMap<Editor, ContentWatch>();

function contentWatch(editor: Editor): ContentWatch {
  let watch = watches.get(editor);
  if (!watch) {
    watch = createContentWatch(editor);
    watches.set(editor, watch);
  }
  return watch;
}

/** Calls `changed` with every member of exactly one of the two sets. */
function difference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>, changed: (item: T) => void) {
  for (const item of a) if (!b.has(item)) changed(item);
  for (const item of b) if (!a.has(item)) changed(item);
}

function createContentWatch(editor: Editor): ContentWatch {
  const listeners = new Map<TLShapeId, { urgent: Set<Listener>; ahead: Set<Listener> }>();
  let culled: ReadonlySet<TLShapeId> = editor.getCulledShapes();
  let ahead: ReadonlySet<TLShapeId> = new Set();
  let region: Box | null = null;
  let stop: (() => void) | null = null;
  const start = () =>
    react('shape content near the viewport', () => {
      // tldraw returns the same set while nothing changed, so most camera moves stop here.
      const nextCulled = editor.getCulledShapes();
      if (nextCulled !== culled) {
        const previous = culled;
        culled = nextCulled;
        // A shape whose content is already there ahead of the pan need not render again.
        difference(previous, nextCulled, (id) => {
          if (!ahead.has(id)) listeners.get(id)?.urgent.forEach((listener) => listener());
        });
      }
      // The region moves once the viewport comes within half its margin of the region's edge.
      const viewport = editor.getViewportPageBounds();
      const margin = Math.max(viewport.w, viewport.h) * AHEAD;
      if (region && Box.Contains(region.clone().expandBy(-margin / 2), viewport)) return;
      region = viewport.clone().expandBy(margin);
      const previous = ahead;
      ahead = editor.getShapeIdsInsideBounds(region);
      difference(previous, ahead, (id) => listeners.get(id)?.ahead.forEach((listener) => listener()));
    });
  return {
    isCulled: (id) => culled.has(id),
    isAhead: (id) => ahead.has(id),
    subscribe(id, urgent, aheadListener) {
      let forShape = listeners.get(id);
      if (!forShape) listeners.set(id, (forShape = { urgent: new Set(), ahead: new Set() }));
      forShape.urgent.add(urgent);
      forShape.ahead.add(aheadListener);
      stop ??= start();
      return () => {
        forShape.urgent.delete(urgent);
        forShape.ahead.delete(aheadListener);
        if (forShape.urgent.size === 0) listeners.delete(id);
        if (listeners.size === 0) {
          stop?.();
          stop = null;
          region = null;
        }
      };
    },
  };
}

/** Whether the shape's content should be mounted now. */
function useHasContent(id: TLShapeId): boolean {
  const watch = contentWatch(useEditor());
  const [isAhead, setAhead] = useState(() => watch.isAhead(id));
  const subscription = useMemo(
    () => ({
      subscribe: (urgent: Listener) => {
        const ahead = () => startTransition(() => setAhead(watch.isAhead(id)));
        const unsubscribe = watch.subscribe(id, urgent, ahead);
        ahead();
        return unsubscribe;
      },
      isCulled: () => watch.isCulled(id),
    }),
    [watch, id],
  );
  const isCulled = useSyncExternalStore(subscription.subscribe, subscription.isCulled);
  return !isCulled || isAhead;
}

/** tldraw's shape container, empty while the shape is far out of view (tldraw's `ShapeWrapper` slot). */
export const CullingShapeWrapper = forwardRef<HTMLDivElement, TLShapeWrapperProps>(function CullingShapeWrapper(
  { children, ...props },
  ref,
) {
  const hasContent = useHasContent(props.shape.id);
  return (
    <DefaultShapeWrapper ref={ref} {...props}>
      {hasContent ? children : null}
    </DefaultShapeWrapper>
  );
});
