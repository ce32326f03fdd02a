import { z } from "zod";
import { HttpError } from "./http-errors";

// The one rule for "which address is this sign-in for": Auth.js's Nodemailer provider uses it as
// normalizeIdentifier (the address it mails and stores the link under), and the per-address limit
// counts the same string (issue #25: the limit counted the first `email` form field while Auth.js
// mailed the last one, so a duplicated field sent the victim unlimited mail).

const address = z.email();

/** The normalised address (NFKC, trimmed, lower case), or undefined when it is not one plain address. */
export function normalizeSignInEmail(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  // NFKC first, as Auth.js does: a full-width "＠" must not pass as a second recipient later.
  const email = raw.normalize("NFKC").trim().toLowerCase();
  // Quotes and commas make address lists in mail parsers; one address, nothing else.
  if (email.length > 254 || /[",;<>\s]/.test(email)) return undefined;
  return address.safeParse(email).success ? email : undefined;
}

/** As normalizeIdentifier: Auth.js turns a throw into its error page, nothing is mailed. */
export function signInIdentifier(raw: string): string {
  const email = normalizeSignInEmail(raw);
  if (!email) throw new Error("Invalid email address format.");
  return email;
}

/**
 * The address a POST to /api/auth/signin/nodemailer asks a link for, read the way Auth.js reads it
 * (JSON, or a form's fields). More than one `email` field is refused (400): one request, one address.
 */
export function signInEmailOfBody(body: Uint8Array, contentType: string | null): string | undefined {
  const text = new TextDecoder().decode(body);
  if (contentType?.includes("application/json")) {
    try {
      return normalizeSignInEmail((JSON.parse(text) as { email?: unknown } | null)?.email);
    } catch {
      return undefined;
    }
  }
  const emails = new URLSearchParams(text).getAll("email");
  if (emails.length > 1)
    throw new HttpError("invalid_input", "Send one e-mail address: the form had more than one `email` field.", [
      { path: "email", message: "Expected one value" },
    ]);
  return normalizeSignInEmail(emails[0]);
}
