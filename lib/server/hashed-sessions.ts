import type { Adapter, AdapterSession } from "next-auth/adapters";
import { hashToken } from "./token-hash";

/**
 * The Auth.js adapter with session tokens stored hashed (issue #25: they were stored in plain
 * text). Auth.js keeps handing the raw token around — it is the cookie's value — and the base
 * adapter only ever sees its SHA-256; what comes back carries the raw token again, because
 * Auth.js sets the cookie from the session createSession returns. session.ts looks sessions up by
 * the same hash.
 */
export function withHashedSessionTokens(base: Adapter): Adapter {
  const raw = <S extends AdapterSession | null | undefined>(session: S, token: string): S =>
    session ? { ...session, sessionToken: token } : session;
  return {
    ...base,
    async createSession(session) {
      return raw(
        await base.createSession!({ ...session, sessionToken: hashToken(session.sessionToken) }),
        session.sessionToken,
      );
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(hashToken(sessionToken));
      return found ? { ...found, session: raw(found.session, sessionToken) } : null;
    },
    async updateSession(session) {
      return raw(
        await base.updateSession!({ ...session, sessionToken: hashToken(session.sessionToken) }),
        session.sessionToken,
      );
    },
    async deleteSession(sessionToken) {
      await base.deleteSession!(hashToken(sessionToken));
    },
  };
}
