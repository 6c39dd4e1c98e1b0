// The board's note: tldraw's own, with its label measured only when something needs the label.
// tldraw works out every note's geometry to know its page bounds (culling, the spatial index
// behind hovering and brushing), and a note's geometry holds its label's rectangle, which tldraw
// measures by laying the note's text out in the DOM. On joining a board of 2,000 notes that was
// 2,000 layouts, most of the time the board took to show. A note's bounds do not depend on its
// label (the label lies inside the note and is left out of the bounds): its height is the note's
// plus `growY`, which the note's writer measured and stored. So the body is built from the stored
// props, and the label is tldraw's own, worked out the first time a hit test, a brush or editing
// asks for it.
import { Group2d, NoteShapeUtil, Rectangle2d, getDisplayValues, type Geometry2d, type TLNoteShape } from 'tldraw';
import { DeferredGeometry2d } from './deferredGeometry.js';

export class BoardNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    const { noteWidth, noteHeight } = getDisplayValues(this, shape);
    const { scale, growY } = shape.props;
    const label = new DeferredGeometry2d(() => labelOf(super.getGeometry(shape)), {
      isLabel: true,
      isFilled: true,
      isClosed: true,
      excludeFromShapeBounds: true,
    });
    return new Group2d({
      children: [
        new Rectangle2d({ width: noteWidth * scale, height: (noteHeight + growY) * scale, isFilled: true }),
        label,
      ],
    });
  }
}

function labelOf(geometry: Group2d): Geometry2d {
  const label = geometry.children.find((child) => child.isLabel);
  if (!label) throw new Error('a note without a label geometry');
  return label;
}
