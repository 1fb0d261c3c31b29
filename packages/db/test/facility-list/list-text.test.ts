import { describe, expect, it } from "vitest";
import { countryCodeOf, listDateOf } from "../../src/index.ts";

/** What a list's words mean: its title row's date, its countries as lists write them. */
describe("a facility list's words", () => {
  it("takes the list's date from a title row, a month alone being its first day", () => {
    expect(listDateOf("Data Export - Filters applied: (none) Data As Of JUNE 2025")).toBe("2025-06-01");
    expect(listDateOf("Supplier list, as of 30 September 2025")).toBe("2025-09-30");
    expect(listDateOf("As of: December 15, 2025")).toBe("2025-12-15");
    expect(listDateOf("Data as of 2026-01-31 | page 1")).toBe("2026-01-31");
    expect(listDateOf("Data As Of Smarch 2025")).toBeUndefined();
    expect(listDateOf("Factory Name")).toBeUndefined();
    expect(listDateOf("as of February 30 2025")).toBeUndefined();
  });

  it("reads country names as supplier lists write them", () => {
    const spellings: Record<string, string> = {
      USA: "US", "United States": "US", "South Korea": "KR", "Korea, Republic of": "KR", "Korea (South)": "KR", Taiwan: "TW",
      "Viet Nam": "VN", Vietnam: "VN", "Türkiye": "TR", Turkiye: "TR", Turkey: "TR", "Hong Kong SAR": "HK", Czechia: "CZ", Macedonia: "MK",
      China: "CN", Indonesia: "ID", Cambodia: "KH", "El Salvador": "SV", VNM: "VN", pk: "PK",
    };
    expect(Object.fromEntries(Object.keys(spellings).map((name) => [name, countryCodeOf(name)]))).toEqual(spellings);
    expect(countryCodeOf("Atlantis")).toBeUndefined();
  });
});
