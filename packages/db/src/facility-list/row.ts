import type { FactoryRole } from "../generated/prisma/enums.ts";
import { ADDRESS_MAX, NAME_MAX, SECTORS_MAX } from "../rules/fields.ts";
import { countryCodeOf } from "./countries.ts";
import type { ListRecord } from "./read-list.ts";
import { rolesOf } from "./roles.ts";
import { readWorkers, type Workers } from "./workers.ts";

/** A row of a facility list that can be imported. */
export interface FacilityRow {
  /** The line the record begins on: its citation's `#row=` locator. */
  readonly line: number;
  readonly name: string;
  readonly countryCode: string;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly sectors: readonly string[];
  readonly roles: readonly FactoryRole[];
  /** Brand names the row's brands column gives (a brand's list may name its other brands). */
  readonly brands: readonly string[];
  readonly supplierGroup: string | null;
  readonly workers: Workers;
  /** Open Supply Hub's os_id. */
  readonly osId: string | null;
  /** What was read but not used (cells beyond the header, figures that are not numbers). */
  readonly notes: readonly string[];
}

export type RowReading = { readonly ok: true; readonly row: FacilityRow } | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * Reads one record into a facility, or says why it cannot be one. Cells are trimmed
 * and their inner whitespace (line breaks of quoted cells included) made single
 * spaces. `knownCountries` are the codes the graph's Country table holds.
 */
export function readFacilityRow(record: Extract<ListRecord, { kind: "record" }>, knownCountries: ReadonlySet<string>): RowReading {
  const { line, cells } = record;
  const reject = (reason: string): RowReading => ({ ok: false, line, reason });
  // PostgreSQL text cannot hold NUL: one such cell would fail the whole import.
  if (record.raw.includes("\u0000")) return reject("the row holds a NUL character");
  const name = tidy(cells.name);
  const country = tidy(cells.country);
  const address = addressOf(cells);
  if (!name && !country && !address) return reject("the row is empty");
  if (!name) return reject("name is missing");
  if (name.length > NAME_MAX) return reject(`name is longer than ${NAME_MAX} characters`);
  if (!country) return reject("country is missing");
  const countryCode = countryCodeOf(country);
  if (!countryCode || !knownCountries.has(countryCode)) return reject(`country "${country}" is not a country solegraph knows (ISO 3166-1 code or English name)`);
  if (address && address.length > ADDRESS_MAX) return reject(`address is longer than ${ADDRESS_MAX} characters`);

  const lat = tidy(cells.lat);
  const lng = tidy(cells.lng);
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (lat || lng) {
    if (!lat || !lng) return reject("lat and lng must be given together");
    const y = coordinate(lat);
    const x = coordinate(lng);
    if (y === undefined) return reject(`lat "${lat}" is not a number`);
    if (x === undefined) return reject(`lng "${lng}" is not a number`);
    [latitude, longitude] = [y, x];
    if (latitude < -90 || latitude > 90) return reject(`lat ${lat} is out of range (-90 to 90)`);
    if (longitude < -180 || longitude > 180) return reject(`lng ${lng} is out of range (-180 to 180)`);
  }

  const sectors = distinct((cells.sector ?? "").split(/[|;,]/).map(tidy));
  if (sectors.length > SECTORS_MAX) return reject(`more than ${SECTORS_MAX} sectors`);
  if (sectors.some((sector) => sector.length > NAME_MAX)) return reject(`a sector is longer than ${NAME_MAX} characters`);
  const supplierGroup = tidy(cells.supplierGroup) || null;
  if (supplierGroup && supplierGroup.length > NAME_MAX) return reject(`supplier group is longer than ${NAME_MAX} characters`);

  const notes = record.extraCells > 0 ? [`${record.extraCells} cell(s) beyond the header's columns ignored`] : [];
  const workers = readWorkers(cells, notes);
  return {
    ok: true,
    row: {
      line,
      name,
      countryCode,
      address,
      latitude,
      longitude,
      sectors,
      roles: rolesOf(tidy(cells.role)),
      brands: distinct((cells.brands ?? "").split(/[;,]/).map(tidy)),
      supplierGroup,
      workers,
      osId: tidy(cells.osId) || null,
      notes,
    },
  };
}

/**
 * One address line from the list's parts (street, city, state, postal code), leaving out
 * a part the street line already ends with ("… Dongguan" and city "Dongguan").
 */
function addressOf(cells: Extract<ListRecord, { kind: "record" }>["cells"]): string | null {
  const parts: string[] = [];
  for (const part of [cells.address, cells.city, cells.state, cells.postalCode].map(tidy)) {
    if (part && !parts.join(", ").toLowerCase().includes(part.toLowerCase())) parts.push(part);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}

function distinct(values: readonly string[]): string[] {
  const result: string[] = [];
  for (const value of values) if (value && !result.some((known) => known.toLowerCase() === value.toLowerCase())) result.push(value);
  return result;
}

export function tidy(cell: string | undefined): string {
  return (cell ?? "").replace(/\s+/g, " ").trim();
}

/** A decimal number in degrees, e.g. "23.8103" or "-1.5e1"; not "", "12abc", "NaN". */
function coordinate(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
