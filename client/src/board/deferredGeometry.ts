// A geometry that is worked out only when something first asks about its shape. What it is (label
// or not, part of the shape's bounds or not, filled, closed) is declared up front, because tldraw
// reads those flags without asking for the shape: filters skip labels by them, and a geometry
// excluded from the shape's bounds adds nothing to the page bounds that culling and the spatial
// index need for every shape on the page.
import {
  Geometry2d,
  type Geometry2dFilters,
  type MatModel,
  type TransformedGeometry2dOptions,
  type Vec,
  type VecLike,
} from 'tldraw';

export interface DeferredGeometryFlags {
  isLabel: boolean;
  isFilled: boolean;
  isClosed: boolean;
  excludeFromShapeBounds: boolean;
}

export class DeferredGeometry2d extends Geometry2d {
  private geometry: Geometry2d | null = null;

  constructor(
    private readonly compute: () => Geometry2d,
    flags: DeferredGeometryFlags,
  ) {
    super(flags);
  }

  /** Whether the geometry has been worked out yet. */
  get isResolved(): boolean {
    return this.geometry !== null;
  }

  /** The geometry itself, worked out on first use. */
  resolve(): Geometry2d {
    this.geometry ??= this.compute();
    return this.geometry;
  }

  getVertices(filters: Geometry2dFilters): Vec[] {
    return this.resolve().getVertices(filters);
  }

  nearestPoint(point: VecLike, filters?: Geometry2dFilters): Vec {
    return this.resolve().nearestPoint(point, filters);
  }

  override hitTestPoint(point: VecLike, margin?: number, hitInside?: boolean, filters?: Geometry2dFilters): boolean {
    return this.resolve().hitTestPoint(point, margin, hitInside, filters);
  }

  override distanceToPoint(point: VecLike, hitInside?: boolean, filters?: Geometry2dFilters): number {
    return this.resolve().distanceToPoint(point, hitInside, filters);
  }

  override distanceToLineSegment(A: VecLike, B: VecLike, filters?: Geometry2dFilters): number {
    return this.resolve().distanceToLineSegment(A, B, filters);
  }

  override hitTestLineSegment(A: VecLike, B: VecLike, distance?: number, filters?: Geometry2dFilters): boolean {
    return this.resolve().hitTestLineSegment(A, B, distance, filters);
  }

  override intersectLineSegment(A: VecLike, B: VecLike, filters?: Geometry2dFilters): VecLike[] {
    return this.resolve().intersectLineSegment(A, B, filters);
  }

  override intersectCircle(center: VecLike, radius: number, filters?: Geometry2dFilters): VecLike[] {
    return this.resolve().intersectCircle(center, radius, filters);
  }

  override intersectPolygon(polygon: VecLike[], filters?: Geometry2dFilters): VecLike[] {
    return this.resolve().intersectPolygon(polygon, filters);
  }

  override intersectPolyline(polyline: VecLike[], filters?: Geometry2dFilters): VecLike[] {
    return this.resolve().intersectPolyline(polyline, filters);
  }

  override interpolateAlongEdge(t: number, filters?: Geometry2dFilters): Vec {
    return this.resolve().interpolateAlongEdge(t, filters);
  }

  override uninterpolateAlongEdge(point: VecLike, filters?: Geometry2dFilters): number {
    return this.resolve().uninterpolateAlongEdge(point, filters);
  }

  override overlapsPolygon(polygon: VecLike[]): boolean {
    return this.resolve().overlapsPolygon(polygon);
  }

  override transform(transform: MatModel, opts?: TransformedGeometry2dOptions): Geometry2d {
    return this.resolve().transform(transform, opts);
  }

  // Not resolved for a geometry outside the shape's bounds: Group2d asks every child for these.
  override getBoundsVertices(): Vec[] {
    return this.excludeFromShapeBounds ? [] : this.resolve().getBoundsVertices();
  }

  override getBounds() {
    return this.resolve().getBounds();
  }

  override getArea(): number {
    return this.resolve().getArea();
  }

  override getLength(filters?: Geometry2dFilters): number {
    return this.resolve().getLength(filters);
  }

  override toSimpleSvgPath(): string {
    return this.resolve().toSimpleSvgPath();
  }

  override ignoreHit(point: VecLike): boolean {
    return this.resolve().ignoreHit(point);
  }

  getSvgPathData(first: boolean): string {
    return this.resolve().getSvgPathData(first);
  }
}
