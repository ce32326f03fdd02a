import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "./db";
import { env } from "./env";
import { sendMail } from "./mail";
import { authLogger } from "./auth-log";
import { logger, maskEmail } from "./log";
import { checkLimits } from "./rate-limit";
import { safeRedirectUrl } from "./safe-redirect";
import { withHashedSessionTokens } from "./hashed-sessions";
import { signInIdentifier } from "./signin-email";

// Auth.js v5: e-mail magic links (SMTP or the local outbox), optional GitHub/Google when their
// variables are set, sessions stored in PostgreSQL. The config is built per request so that
// importing this module (e.g. during `next build`) never needs a database.
//
// Every link and cookie follows AUTH_URL, never the request's Host: the route handler in
// app/api/auth rewrites the request to AUTH_URL before Auth.js sees it (authRequest below),
// and the server-side signIn()/signOut() build their URLs from AUTH_URL themselves. With an
// https AUTH_URL the cookies are Secure and __Secure- prefixed.

function config(): NextAuthConfig {
  const e = env();
  // Session tokens are stored as SHA-256 (hashed-sessions.ts); the cookie keeps the raw token.
  const base = withHashedSessionTokens(PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]));
  const adapter: Adapter = {
    ...base,
    // One live sign-in link per address: asking again invalidates the earlier ones.
    async createVerificationToken(token) {
      await db().verificationToken.deleteMany({ where: { identifier: token.identifier } });
      return base.createVerificationToken!(token);
    },
  };
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Required by the provider; unused because sendVerificationRequest below does the sending.
      server: e.SMTP_URL ?? "smtp://localhost:25",
      from: e.EMAIL_FROM,
      // The same normalised address the per-address limit counts (throttleSignIn).
      normalizeIdentifier: signInIdentifier,
      async sendVerificationRequest({ identifier, url }) {
        const host = new URL(url).host;
        logger().info({ to: maskEmail(identifier) }, "sign-in link requested");
        await sendMail({
          to: identifier.toLowerCase(),
          subject: `Sign in to RentOrOwn`,
          text: `Sign in to RentOrOwn (${host}) with this link. It works once and expires in 24 hours.\n\n${url}\n\nIf you did not ask for it, ignore this e-mail.`,
          html: `<p>Sign in to RentOrOwn (${host}):</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours.</p>`,
        });
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET)
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET)
    providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return {
    adapter,
    session: { strategy: "database" },
    // With AUTH_URL (required in production) every URL comes from it and Host is never read;
    // without it (development only) Auth.js falls back to the request's Host.
    trustHost: Boolean(e.AUTH_URL) || e.NODE_ENV !== "production",
    secret: e.AUTH_SECRET,
    providers,
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/check-email" },
    logger: authLogger,
    callbacks: {
      // What /api/auth/session shows the browser: never the session token (HttpOnly stays meaningful).
      session({ session, user }) {
        return {
          user: { id: user.id, email: user.email, name: user.name ?? null, image: user.image ?? null },
          expires: session.expires,
        } as typeof session;
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

export const oauthProviders = () => {
  const e = env();
  return [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
    ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
  ];
};

/** Sign-in e-mails: per address (normalised as Auth.js mails it) and per client IP (429 HttpError once exceeded). */
export async function throttleSignIn(email: string, ip: string): Promise<void> {
  await checkLimits([
    ["signinIp", ip],
    ["signinEmail", signInIdentifier(email)],
  ]);
}

// Session lookups live in session.ts (no next-auth import, so tests and the route wrapper load it
// cheaply); re-exported here so pages keep importing everything auth from one module.
export {
  currentUser,
  currentUserOrThrow,
  requireUser,
  sessionCookieName,
  sessionUserFromCookie,
  type SessionUser,
} from "./session";
