import { geoNaturalEarth1, type GeoProjection } from "d3-geo";

export type LonLat = readonly [number, number];

/** The smallest view, in degrees: two plants 3 km apart still show their region. */
const MIN_SPAN_LON = 28;
const MIN_SPAN_LAT = 14;
const MARGIN = 0.25;

/**
 * A projection showing every point with room around it: the points' bounding box,
 * widened to a minimum span (a lone factory gets its region, not a street) plus a
 * margin, fitted into the width × height frame. Natural Earth, rotated to the view's
 * middle so the antimeridian never cuts through it.
 */
export function fitProjection(points: readonly LonLat[], width: number, height: number, padding = 12): GeoProjection {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const spanLon = Math.max(east - west, MIN_SPAN_LON) * (1 + MARGIN);
  const spanLat = Math.max(north - south, MIN_SPAN_LAT) * (1 + MARGIN);
  const midLon = (west + east) / 2;
  const midLat = (south + north) / 2;
  const clampLat = (lat: number) => Math.max(-85, Math.min(85, lat));
  // Corners as points, not a polygon: d3-geo reads polygon rings on the sphere, where a
  // ring's winding decides which side is inside.
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [midLon - spanLon / 2, clampLat(midLat - spanLat / 2)],
      [midLon + spanLon / 2, clampLat(midLat + spanLat / 2)],
      [midLon - spanLon / 2, clampLat(midLat + spanLat / 2)],
      [midLon + spanLon / 2, clampLat(midLat - spanLat / 2)],
      [midLon, clampLat(midLat)],
    ],
  };
  return geoNaturalEarth1()
    .rotate([-midLon, 0])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      corners,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

export interface Marker {
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

export interface MarkerGroup<M extends Marker> {
  readonly x: number;
  readonly y: number;
  readonly members: readonly M[];
}

/**
 * Markers closer than `radius` pixels share one label (Lawrence and Methuen are 3 km
 * apart): greedy, in the given order, each group at its first member.
 */
export function groupMarkers<M extends Marker>(markers: readonly M[], radius: number): MarkerGroup<M>[] {
  const groups: { x: number; y: number; members: M[] }[] = [];
  for (const marker of markers) {
    const near = groups.find((group) => Math.hypot(group.x - marker.x, group.y - marker.y) < radius);
    if (near) near.members.push(marker);
    else groups.push({ x: marker.x, y: marker.y, members: [marker] });
  }
  return groups;
}

export interface PlacedLabel<M extends Marker> {
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "end";
  readonly text: string;
  readonly group: MarkerGroup<M>;
}

/** Rough width of a bold 14px system-font character: enough to keep labels apart. */
const CHAR_WIDTH = 8.4;
const LINE_HEIGHT = 18;
const OFFSET = 9;

/**
 * A label beside each group (to its left when it would run off the right edge), moved
 * down a line while it would overlap one already placed: the map's few labels stay
 * readable without a layout engine.
 */
export function placeLabels<M extends Marker>(groups: readonly MarkerGroup<M>[], textOf: (group: MarkerGroup<M>) => string, width: number): PlacedLabel<M>[] {
  const placed: (PlacedLabel<M> & { left: number; right: number })[] = [];
  for (const group of [...groups].sort((a, b) => a.y - b.y)) {
    const text = textOf(group);
    const textWidth = text.length * CHAR_WIDTH;
    const anchor = group.x + OFFSET + textWidth > width ? "end" : "start";
    const left = anchor === "start" ? group.x + OFFSET : group.x - OFFSET - textWidth;
    const right = left + textWidth;
    let y = group.y - OFFSET;
    while (placed.some((other) => Math.abs(other.y - y) < LINE_HEIGHT && other.left < right && left < other.right)) y += LINE_HEIGHT;
    placed.push({ x: anchor === "start" ? group.x + OFFSET : group.x - OFFSET, y, anchor, text, group, left, right });
  }
  return placed.map(({ x, y, anchor, text, group }) => ({ x, y, anchor, text, group }));
}
