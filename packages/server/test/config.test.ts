import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configHelp, configVariableNames, loadConfig } from "../src/config.ts";

const README = fs.readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("the configuration", () => {
  it("is listed whole in the README and in --help", () => {
    const help = configHelp();
    for (const name of configVariableNames()) {
      expect(README, `README lists ${name}`).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
      expect(help).toContain(name);
    }
  });

  it("refuses wrong values, naming each variable and what it takes", () => {
    let caught: unknown;
    try {
      loadConfig({ LOG_LEVEL: "loud", METRICS_PORT: "ninety", LOG_FORMAT: "xml" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { message } = caught as ConfigError;
    expect(message).toMatch(/LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent/);
    expect(message).toMatch(/METRICS_PORT="ninety": must be a number/);
    expect(message).toMatch(/LOG_FORMAT="xml": must be json or pretty/);
    expect(message).toMatch(/npm start -- --help/);
  });

  it("reads logging and metrics settings", () => {
    const config = loadConfig({ LOG_LEVEL: "debug", LOG_FORMAT: "json", SOLEGRAPH_METRICS: "off", METRICS_PORT: "9464" });
    expect(config.log).toEqual({ level: "debug", format: "json" });
    expect(config.metrics).toEqual({ enabled: false, port: 9464 });
    expect(loadConfig({}).metrics).toEqual({ enabled: true, port: undefined });
  });
});
