import { geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// The 1:110m Natural Earth countries from world-atlas, emitted as a hashed file of this
// build and fetched from our own origin: the map needs no tile or font server.
import atlasUrl from "world-atlas/countries-110m.json?url";
import { fitProjection, groupMarkers, placeLabels, type LonLat, type PlacedLabel } from "./fit.ts";

type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let atlas: Promise<Atlas> | undefined;

/** Starts (or joins) the atlas download; map pages call it before their data arrives. */
export function loadAtlas(): Promise<Atlas> {
  atlas ??= fetch(atlasUrl).then(async (response) => {
    if (!response.ok) throw new Error(`The map data did not load (HTTP ${response.status}).`);
    return (await response.json()) as Atlas;
  });
  // A failed load may be retried on the next map.
  atlas.catch(() => (atlas = undefined));
  return atlas;
}

export interface Pin {
  readonly key: string;
  readonly label: string;
  readonly position: LonLat;
}

export interface PinMarker {
  readonly key: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface DrawnMap {
  readonly land: string;
  readonly borders: string;
  readonly markers: readonly PinMarker[];
  readonly labels: readonly PlacedLabel<PinMarker>[];
}

/** SVG paths for land and borders, and the pins' positions, framed around the pins. */
export async function drawMap(pins: readonly Pin[], width: number, height: number): Promise<DrawnMap> {
  const topology = await loadAtlas();
  const projection = fitProjection(
    pins.map((pin) => pin.position),
    width,
    height,
  );
  const path = geoPath(projection);
  const countries = topology.objects.countries;
  const markers = pins.flatMap((pin) => {
    const point = projection([pin.position[0], pin.position[1]]);
    return point ? [{ key: pin.key, label: pin.label, x: point[0], y: point[1] }] : [];
  });
  return {
    land: path(feature(topology, countries)) ?? "",
    borders: path(mesh(topology, countries, (a, b) => a !== b)) ?? "",
    markers,
    labels: placeLabels(
      groupMarkers(markers, 18),
      (group) => group.members.map((member) => member.label).join(" · "),
      width,
    ),
  };
}
