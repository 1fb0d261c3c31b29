import { describe, expect, it } from "vitest";
import { factoryDatesText, fieldWords, placeText } from "../src/text/format.ts";

describe("words for the graph's values", () => {
  it("says a factory's status with its dates, and plainly when a date is unknown", () => {
    const none = { openedYear: null, plannedOpeningYear: null, closedYear: null };
    expect(factoryDatesText({ ...none, status: "OPERATING", openedYear: 2022 })).toBe("Operating since 2022");
    expect(factoryDatesText({ ...none, status: "OPERATING" })).toBe("Operating (opening year unknown)");
    expect(factoryDatesText({ ...none, status: "PLANNED", plannedOpeningYear: 2025 })).toBe("Planned, to open in 2025");
    expect(factoryDatesText({ ...none, status: "CLOSED" })).toBe("Closed (year unknown)");
    expect(factoryDatesText({ ...none, status: "CLOSED", openedYear: 1990, closedYear: 2020 })).toBe("Closed in 2020; opened in 1990");
  });

  it("writes places and field names as people read them", () => {
    expect(placeText({ city: "Harbourtown", region: null, country: { name: "United Kingdom" } })).toBe("Harbourtown, United Kingdom");
    expect(fieldWords("weeklyCapacityYear")).toBe("weekly capacity year");
  });
});
