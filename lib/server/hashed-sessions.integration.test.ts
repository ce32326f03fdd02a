import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { describe, expect, it } from "vitest";
import { db } from "./db";
import { withHashedSessionTokens } from "./hashed-sessions";
import { sessionUserFromCookie } from "./session";
import { hashToken } from "./token-hash";

// Issue #25 (data at rest): session tokens sat in the Session table in plain text, so a database
// leak handed out working cookies. Now only their SHA-256 is stored, as for share links.

const adapter = () => withHashedSessionTokens(PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]));
const newUser = () =>
  db().user.create({ data: { email: `hashed-${crypto.randomBytes(3).toString("hex")}@example.com` } });

describe("session tokens at rest", () => {
  it("are stored as SHA-256; Auth.js and the app's own lookup still find the session by the cookie's token", async () => {
    const user = await newUser();
    const token = crypto.randomUUID();
    const expires = new Date(Date.now() + 3_600_000);
    const created = await adapter().createSession!({ sessionToken: token, userId: user.id, expires });
    expect(created.sessionToken).toBe(token); // Auth.js sets the cookie from this

    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.sessionToken)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const found = await adapter().getSessionAndUser!(token);
    expect(found).toMatchObject({ session: { sessionToken: token }, user: { id: user.id } });
    expect(await adapter().getSessionAndUser!(hashToken(token))).toBeNull(); // the stored value is no cookie
    expect(await sessionUserFromCookie(token)).toEqual({ id: user.id, email: user.email });
    expect(await sessionUserFromCookie(hashToken(token))).toBeNull();

    const later = new Date(Date.now() + 7_200_000);
    expect(await adapter().updateSession!({ sessionToken: token, expires: later })).toMatchObject({
      sessionToken: token,
    });
    expect((await db().session.findUnique({ where: { sessionToken: hashToken(token) } }))?.expires).toEqual(later);

    await adapter().deleteSession!(token);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the migration hashes sessions created before it, so they keep working", async () => {
    const user = await newUser();
    const token = crypto.randomUUID();
    await db().session.create({
      data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const dir = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_hash_session_tokens"))!;
    const sql = fs.readFileSync(path.join("prisma/migrations", dir, "migration.sql"), "utf8");
    await db().$executeRawUnsafe(sql.replace(/^--.*$/gm, "").replace(";", ` WHERE "userId" = '${user.id}';`));
    expect(await sessionUserFromCookie(token)).toEqual({ id: user.id, email: user.email });
  });
});
