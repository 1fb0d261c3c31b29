import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlChannelUnavailableError } from "../src/control-channel/request.ts";
import {
  constraintViolation,
  controlSocketPath,
  createApiToken,
  openControlChannel,
  revokeApiToken,
  sendControlRequest,
  TokenCommandError,
  verifyApiToken,
} from "../src/index.ts";
import { tokenMatchesHash } from "../src/tokens/token-secret.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

describe("API tokens", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.close());

  it("are random, shown once, and stored only as a SHA-256 hash", async () => {
    const { token, info } = await createApiToken(db.prisma, { name: "alice", scopes: ["CURATE", "CURATE", "ADMIN"] });
    expect(token).toMatch(/^sg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ name: "alice", scopes: ["CURATE", "ADMIN"], revokedAt: null });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { name: "alice" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.lookupId).toBe(token.slice(3, 19));
    expect(JSON.stringify(row)).not.toContain(token.slice(20));
    const other = await createApiToken(db.prisma, { name: "bob", scopes: ["CURATE"] });
    expect(other.token).not.toBe(token);
  });

  it("verify: valid, wrong secret, malformed, unknown, revoked", async () => {
    const { token } = await createApiToken(db.prisma, { name: "carol", scopes: ["CURATE"] });
    expect(await verifyApiToken(db.prisma, token)).toMatchObject({ kind: "valid", name: "carol", scopes: ["CURATE"] });
    const wrongSecret = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect(await verifyApiToken(db.prisma, wrongSecret)).toEqual({ kind: "invalid" });
    expect(await verifyApiToken(db.prisma, "hunter2")).toEqual({ kind: "invalid" });
    expect(await verifyApiToken(db.prisma, `sg_ffffffffffffffff_${"A".repeat(43)}`)).toEqual({ kind: "invalid" });
    expect(await revokeApiToken(db.prisma, "carol")).toMatchObject({ alreadyRevoked: false, info: { revokedAt: expect.any(Date) } });
    expect(await verifyApiToken(db.prisma, token)).toEqual({ kind: "revoked", name: "carol" });
    expect(await revokeApiToken(db.prisma, "carol")).toMatchObject({ alreadyRevoked: true });
  });

  it("compare hashes without throwing on a malformed stored hash", () => {
    expect(tokenMatchesHash("x", createHash("sha256").update("x").digest("hex"))).toBe(true);
    expect(tokenMatchesHash("x", "abc")).toBe(false);
  });

  it("refuse bad names, reused names, no scopes, and unknown names to revoke", async () => {
    await expect(createApiToken(db.prisma, { name: "has space", scopes: ["CURATE"] })).rejects.toThrow(/Invalid token name/);
    await expect(createApiToken(db.prisma, { name: "alice", scopes: ["ADMIN"] })).rejects.toThrow(/already exists/);
    await expect(createApiToken(db.prisma, { name: "dave", scopes: [] })).rejects.toThrow(TokenCommandError);
    await expect(revokeApiToken(db.prisma, "nobody")).rejects.toThrow(/No token is named "nobody"/);
  });

  it("are checked by the database too", async () => {
    const insert = (name: string, scopes: string) =>
      db.sql.query(`INSERT INTO "ApiToken" ("name", "lookupId", "tokenHash", "scopes") VALUES ($1, '0123456789abcdef', $2, ${scopes})`, [name, "0".repeat(64)]);
    expect(constraintViolation(await insert("bad name", `'{CURATE}'`).catch((e: unknown) => e))).toMatchObject({ constraint: "ApiToken_name_format" });
    expect(constraintViolation(await insert("eve", `'{}'`).catch((e: unknown) => e))).toMatchObject({ constraint: "ApiToken_scopes_nonempty" });
    const tokenId = (await db.prisma.apiToken.findUniqueOrThrow({ where: { name: "alice" } })).id;
    const emptyChange = await db.sql
      .query(`INSERT INTO "Change" ("tokenId", "entityType", "entityId", "action") VALUES ($1, 'BRAND', 1, 'CREATE')`, [tokenId])
      .catch((e: unknown) => e);
    expect(constraintViolation(emptyChange)).toMatchObject({ constraint: "Change_has_snapshot" });
  });
});

describe("the control channel (token commands for a running server)", () => {
  let db: TestDb;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDb();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-channel-"));
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves create and revoke on a socket only its owner can use, and removes it on close", async () => {
    // A socket file left by a process that died is replaced.
    fs.mkdirSync(path.dirname(controlSocketPath(dataDir)), { mode: 0o755 });
    fs.writeFileSync(controlSocketPath(dataDir), "stale");
    const channel = await openControlChannel(db.prisma, dataDir);
    try {
      expect(fs.statSync(channel.socketPath).isSocket()).toBe(true);
      expect(fs.statSync(channel.socketPath).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(channel.socketPath)).mode & 0o777).toBe(0o700);

      const created = await sendControlRequest(dataDir, { command: "token:create", name: "via-socket", scopes: ["CURATE"] });
      expect(created).toMatchObject({ command: "token:create", summary: { name: "via-socket", scopes: ["CURATE"], revokedAt: null } });
      const token = created.command === "token:create" ? created.token : "";
      expect(await verifyApiToken(db.prisma, token)).toMatchObject({ kind: "valid", name: "via-socket" });

      await expect(sendControlRequest(dataDir, { command: "token:create", name: "via-socket", scopes: ["ADMIN"] })).rejects.toThrow(/already exists/);
      expect(await sendControlRequest(dataDir, { command: "token:revoke", name: "via-socket" })).toMatchObject({ alreadyRevoked: false });
      expect(await verifyApiToken(db.prisma, token)).toMatchObject({ kind: "revoked" });

      expect(await rawRequest(channel.socketPath, "not json")).toEqual({ ok: false, error: "Malformed request: not JSON." });
      expect(await rawRequest(channel.socketPath, JSON.stringify({ command: "drop-database" }))).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed request/) });
    } finally {
      await channel.close();
    }
    expect(fs.existsSync(path.dirname(controlSocketPath(dataDir)))).toBe(false);
    await expect(sendControlRequest(dataDir, { command: "token:revoke", name: "via-socket" })).rejects.toBeInstanceOf(ControlChannelUnavailableError);
  });

  it("refuses a data folder whose socket path is too long for a Unix socket", async () => {
    const deep = path.join(dataDir, "d".repeat(120));
    await expect(openControlChannel(db.prisma, deep)).rejects.toThrow(/too long for a Unix socket/);
  });
});

function rawRequest(socketPath: string, text: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath, () => socket.end(text));
    let response = "";
    socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
    socket.once("end", () => resolve(JSON.parse(response)));
    socket.once("error", reject);
  });
}
