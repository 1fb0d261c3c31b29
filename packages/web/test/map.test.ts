import { describe, expect, it } from "vitest";
import { fitProjection, groupMarkers, placeLabels } from "../src/map/fit.ts";
import { townPosition } from "../src/map/places.ts";

const WIDTH = 640;
const HEIGHT = 360;

describe("the factory map's geometry", () => {
  it("knows the seed's factory towns and no others", () => {
    expect(townPosition({ city: "Lawrence", region: "Massachusetts", country: { code: "US" } })).toEqual([-71.16, 42.71]);
    expect(townPosition({ city: "Flimby", region: "Cumbria", country: { code: "GB" } })).toBeDefined();
    expect(townPosition({ city: "Harbourtown", region: null, country: { code: "GB" } })).toBeUndefined();
  });

  it("frames every point inside the picture, even two towns 3 km apart", () => {
    const lawrence = [-71.16, 42.71] as const;
    const methuen = [-71.19, 42.73] as const;
    const flimby = [-3.52, 54.69] as const;
    for (const points of [[lawrence, methuen], [lawrence, methuen, flimby], [flimby]]) {
      const projection = fitProjection(points, WIDTH, HEIGHT);
      for (const point of points) {
        const [x, y] = projection([point[0], point[1]]) ?? [NaN, NaN];
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(WIDTH);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(HEIGHT);
      }
    }
    // The two Massachusetts towns get their region (hundreds of km across), not a street.
    const near = fitProjection([lawrence, methuen], WIDTH, HEIGHT);
    const [west] = near([-80, 42.7]) ?? [NaN];
    const [east] = near([-62, 42.7]) ?? [NaN];
    expect(west).toBeGreaterThan(0);
    expect(east).toBeLessThan(WIDTH);
  });

  it("groups markers that would overlap, and keeps labels apart and inside the picture", () => {
    const markers = [
      { key: "a", x: 100, y: 100 },
      { key: "b", x: 105, y: 104 },
      { key: "c", x: 110, y: 112 },
      { key: "d", x: 630, y: 50 },
    ];
    const groups = groupMarkers(markers, 10);
    expect(groups.map((group) => group.members.map((member) => member.key))).toEqual([["a", "b"], ["c"], ["d"]]);
    const labels = placeLabels(groups, (group) => group.members.map((member) => member.key).join(" · "), WIDTH);
    const [first, second, third] = [labels.find((l) => l.text === "a · b"), labels.find((l) => l.text === "c"), labels.find((l) => l.text === "d")];
    expect(Math.abs((first?.y ?? 0) - (second?.y ?? 0))).toBeGreaterThanOrEqual(18);
    // Near the right edge a label goes to the marker's left.
    expect(third).toMatchObject({ anchor: "end", x: 621 });
  });
});
