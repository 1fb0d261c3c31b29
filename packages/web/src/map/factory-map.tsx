import type { FactoryCardFragment } from "@solegraph/sdk";
import { useEffect, useState } from "preact/hooks";
import { Link } from "../routing/link.tsx";
import { FACTORY_STATUS_LABEL, placeText } from "../text/format.ts";
import { townPosition } from "./places.ts";
import type { DrawnMap, Pin } from "./world.ts";

/**
 * Fetches the map's code and data now, alongside the page's GraphQL request, instead
 * of after it (the map is drawn only once the factories are known). Errors surface
 * when the map is drawn.
 */
export function useMapPreload(): void {
  useEffect(() => {
    import("./world.ts").then(({ loadAtlas }) => loadAtlas()).catch(() => undefined);
  }, []);
}

const WIDTH = 640;
const HEIGHT = 360;

type Factory = Pick<FactoryCardFragment, "id" | "slug" | "name" | "city" | "region" | "country" | "status"> & {
  /** Cited coordinates (facility lists give them): placed there before the town table is asked. */
  readonly location?: { readonly latitude: number; readonly longitude: number } | null;
};

interface Props {
  readonly factories: readonly Factory[];
  readonly caption: string;
}

/**
 * Factories on a world map drawn here from Natural Earth data (no tiles, no fonts from
 * elsewhere), with the same factories as a list of links: the list is what a screen
 * reader or keyboard uses, the map what the eye does. The map's code and data load only
 * when a page shows one.
 */
export function FactoryMap({ factories, caption }: Props) {
  const pins: Pin[] = [];
  const unplaced: Factory[] = [];
  for (const factory of factories) {
    const position = factory.location ? ([factory.location.longitude, factory.location.latitude] as const) : townPosition(factory);
    if (position) pins.push({ key: factory.slug, label: factory.city ?? factory.name, position });
    else unplaced.push(factory);
  }
  const pinKey = pins.map((pin) => pin.key).join(",");
  const [drawn, setDrawn] = useState<{ key: string; map: DrawnMap } | { key: string; error: string } | undefined>(undefined);

  useEffect(() => {
    if (pins.length === 0) return;
    let current = true;
    import("./world.ts")
      .then(({ drawMap }) => drawMap(pins, WIDTH, HEIGHT))
      .then(
        (map) => current && setDrawn({ key: pinKey, map }),
        (error: unknown) => current && setDrawn({ key: pinKey, error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
    // The pins are derived from the factories; their keys say when they change.
  }, [pinKey]);

  const byKey = new Map(factories.map((factory) => [factory.slug, factory]));
  const summary = `Map of ${pins.length} ${pins.length === 1 ? "factory" : "factories"}: ${pins
    .map((pin) => `${byKey.get(pin.key)?.name ?? pin.key} in ${pin.label}`)
    .join("; ")}.`;
  const shown = drawn?.key === pinKey ? drawn : undefined;

  return (
    <figure class="factory-map">
      <figcaption>{caption}</figcaption>
      {pins.length > 0 && (
        <div class="map-frame">
          {shown === undefined ? (
            <p class="muted map-placeholder">Drawing the map…</p>
          ) : "error" in shown ? (
            <p class="error">{shown.error}</p>
          ) : (
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} class="map" data-testid="factory-map">
              <rect width={WIDTH} height={HEIGHT} class="map-sea" />
              <path d={shown.map.land} class="map-land" />
              <path d={shown.map.borders} class="map-borders" />
              {shown.map.markers.map((marker) => (
                <circle key={marker.key} cx={marker.x} cy={marker.y} r={6} class="map-pin" data-factory={marker.key} />
              ))}
              {shown.map.labels.map((label) => (
                <text key={label.group.members[0]?.key} x={label.x} y={label.y} text-anchor={label.anchor} class="map-label">
                  {label.text}
                </text>
              ))}
            </svg>
          )}
        </div>
      )}
      <ul class="map-legend">
        {factories.map((factory) => (
          <li key={factory.id}>
            <Link to={{ page: "factory", slug: factory.slug }}>{factory.name}</Link>{" "}
            <span class="muted">
              — {placeText(factory)} · {FACTORY_STATUS_LABEL[factory.status]}
              {unplaced.includes(factory) && " · not on the map (its town's position is not known here)"}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
