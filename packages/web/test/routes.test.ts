import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute, type Route } from "../src/routing/routes.ts";

describe("the page's addresses", () => {
  it("reads every page's path, and writes it back the same", () => {
    const routes: Route[] = [
      { page: "home" },
      { page: "model", slug: "fresh-foam-hierro-v5" },
      { page: "factory", slug: "nb-lawrence" },
      { page: "brand", slug: "new-balance" },
      { page: "series", name: "990" },
      { page: "series", name: "Fresh Foam", brand: "new-balance" },
    ];
    for (const route of routes) {
      const href = hrefOf(route);
      const url = new URL(href, "http://localhost");
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
    expect(hrefOf({ page: "series", name: "Fresh Foam", brand: "new-balance" })).toBe("/series/Fresh%20Foam?brand=new-balance");
  });

  it("takes a trailing slash, and calls anything else not found rather than failing", () => {
    expect(parseRoute("/model/990/")).toEqual({ page: "model", slug: "990" });
    for (const path of ["/model", "/model/", "/model/990/extra", "/shoes/990", "/model/%E0%A4%A"]) {
      expect(parseRoute(path)).toEqual({ page: "not-found", path });
    }
  });
});
