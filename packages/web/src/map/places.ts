/**
 * Where the seed's factory towns are, as [longitude, latitude] in degrees.
 *
 * The graph records a factory's city, region and country but no coordinates (no
 * source in the seed states any, and every stored fact must be cited), so the map
 * places a factory by its town from this small table of public gazetteer positions
 * (town centres, rounded to 0.01°). A factory whose town is not here is listed beside
 * the map as "not placed" rather than dropped on its country's centre, which would put
 * a Massachusetts plant in Kansas. When factories get cited coordinates, this table
 * goes.
 */
const TOWNS: Readonly<Record<string, readonly [number, number]>> = {
  "US|Massachusetts|Lawrence": [-71.16, 42.71],
  "US|Massachusetts|Methuen": [-71.19, 42.73],
  "US|Maine|Skowhegan": [-69.72, 44.77],
  "US|Maine|Norridgewock": [-69.79, 44.71],
  "US|Maine|Norway": [-70.54, 44.21],
  "US|New Hampshire|Londonderry": [-71.37, 42.87],
  "GB|Cumbria|Flimby": [-3.52, 54.69],
};

export interface Locatable {
  readonly city: string | null;
  readonly region: string | null;
  readonly country: { readonly code: string };
}

/** The town's position, or undefined when the table does not know it. */
export function townPosition({ city, region, country }: Locatable): readonly [number, number] | undefined {
  return city === null ? undefined : TOWNS[`${country.code}|${region ?? ""}|${city}`];
}
