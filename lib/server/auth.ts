import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { headers } from "next/headers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "./db";
import { env } from "./env";
import { sendMail } from "./mail";
import { unauthorized } from "./http-errors";

// Auth.js v5: e-mail magic links (SMTP or the local outbox), optional GitHub/Google when their
// variables are set, sessions stored in PostgreSQL. The config is built per request so that
// importing this module (e.g. during `next build`) never needs a database.

function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Required by the provider; unused because sendVerificationRequest below does the sending.
      server: e.SMTP_URL ?? "smtp://localhost:25",
      from: e.EMAIL_FROM,
      async sendVerificationRequest({ identifier, url }) {
        const host = new URL(url).host;
        await sendMail({
          to: identifier.toLowerCase(),
          subject: `Sign in to RentOrOwn`,
          text: `Sign in to RentOrOwn (${host}) with this link. It works once and expires in 24 hours.\n\n${url}\n\nIf you did not ask for it, ignore this e-mail.`,
          html: `<p>Sign in to RentOrOwn (${host}):</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours.</p>`,
        });
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return {
    adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: "database" },
    trustHost: true,
    secret: e.AUTH_SECRET,
    providers,
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/check-email" },
    logger: {
      // An expired or already-used magic link is an everyday user mistake (the sign-in page says
      // so), not a server error worth a stack trace.
      error(error) {
        if (error.name === "Verification") console.warn("[auth] sign-in link expired or already used");
        else console.error("[auth]", error);
      },
    },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
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

export type SessionUser = { id: string; email: string };

/** The signed-in user, or null. A database outage reads as signed out rather than crashing a page. */
export async function currentUser(): Promise<SessionUser | null> {
  // Reading the request headers outside the try marks the page as dynamic the way Next expects
  // (its "dynamic usage" signal is an exception that must not be swallowed below).
  await headers();
  try {
    const session = await auth();
    const id = session?.user?.id;
    const email = session?.user?.email;
    return id && email ? { id, email } : null;
  } catch (error) {
    console.error("[auth] session lookup failed", error);
    return null;
  }
}

/** Fails closed: no session, no user id, no access. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw unauthorized();
  return user;
}
