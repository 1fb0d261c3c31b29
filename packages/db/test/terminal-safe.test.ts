import { describe, expect, it } from "vitest";
import { terminalSafe } from "../src/cli/terminal-safe.ts";

describe("terminal-safe CLI output (issue 25, finding 8)", () => {
  it("shows control characters from a file as escapes instead of obeying them", () => {
    const cell = "Fictional Works\u001b]0;owned\u0007\u001b[2J\u001b]8;;https://example.org\u001b\\link\u009b31m\r\nnext";
    const safe = terminalSafe(cell);
    expect(safe).toBe("Fictional Works\\x1b]0;owned\\x07\\x1b[2J\\x1b]8;;https://example.org\\x1b\\link\\x9b31m\\r\\nnext");
    expect(safe).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });

  it("leaves ordinary text, tabs and non-Latin scripts alone", () => {
    expect(terminalSafe("Fábrica Ficticia\tHồ Chí Minh 工厂")).toBe("Fábrica Ficticia\tHồ Chí Minh 工厂");
  });
});
