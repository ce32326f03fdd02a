import "server-only";
import { cookies, headers } from "next/headers";
import { db, isDatabaseUnavailable } from "./db";
import { publicOrigin } from "./env";
import { serviceUnavailable, unauthorized } from "./http-errors";
import { logger } from "./log";
import { hashToken } from "./token-hash";

// Who is signed in: the Auth.js database session named by its cookie, looked up directly.
// (Auth.js's own auth() swallows database errors and answers "signed out", which turned a
// database outage into 401s; here an outage is a 503.)

export type SessionUser = { id: string; email: string };

/** Auth.js's session cookie name for the public origin (Secure-prefixed when it is https). */
export function sessionCookieName(): string {
  return publicOrigin().startsWith("https:") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The session's user, or null; throws a 503 HttpError when the database is unreachable. */
export async function sessionUserFromCookie(sessionToken: string | undefined): Promise<SessionUser | null> {
  if (!sessionToken || sessionToken.length > 200) return null;
  try {
    const session = await db().session.findUnique({
      where: { sessionToken: hashToken(sessionToken) }, // stored hashed (hashed-sessions.ts)
      select: { expires: true, user: { select: { id: true, email: true } } },
    });
    if (!session || session.expires <= new Date()) return null;
    return { id: session.user.id, email: session.user.email };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw serviceUnavailable("The database is unavailable; try again shortly.");
    throw error;
  }
}

/** The session token the request's cookie carries, if any. */
export function sessionTokenOf(req: Request): string | undefined {
  return readCookie(req.headers.get("cookie"), sessionCookieName());
}

async function cookieToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/**
 * For pages: the signed-in user, or null. A database outage reads as signed out here (a header
 * still renders); pages that need the user call pageUser(), which lets the outage surface.
 */
export async function currentUser(): Promise<SessionUser | null> {
  await headers();
  try {
    return await sessionUserFromCookie(await cookieToken());
  } catch (error) {
    logger().warn({ error: (error as Error).message }, "session lookup failed");
    return null;
  }
}

/** Like currentUser(), but a database outage throws instead of reading as signed out. */
export async function currentUserOrThrow(): Promise<SessionUser | null> {
  await headers();
  return sessionUserFromCookie(await cookieToken());
}

/** Fails closed: no session, no user id, no access. A database outage is a 503, not a 401. */
export async function requireUser(req?: Request): Promise<SessionUser> {
  const token = req ? sessionTokenOf(req) : await cookieToken();
  const user = await sessionUserFromCookie(token);
  if (!user) throw unauthorized();
  return user;
}
