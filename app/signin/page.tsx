import { headers } from "next/headers";
import { redirect } from "next/navigation";
import Link from "next/link";
import { currentUser, oauthProviders, signIn, throttleSignIn } from "@/lib/server/auth";
import { clientIp } from "@/lib/server/client-ip";
import { HttpError } from "@/lib/server/http-errors";
import { outboxEnabled } from "@/lib/server/mail";
import { safeRedirectPath } from "@/lib/server/safe-redirect";
import { normalizeSignInEmail } from "@/lib/server/signin-email";

export const metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{
    callbackUrl?: string | string[];
    error?: string;
    invalid?: string;
    email?: string;
    wait?: string;
  }>;
}) {
  const { callbackUrl, error, invalid, email: typed, wait } = await searchParams;
  // Only a path on this site is accepted as the destination after sign-in (no open redirect).
  const destination = safeRedirectPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  const waitSeconds = Number(wait);
  if (await currentUser()) redirect(destination);

  async function emailSignIn(form: FormData) {
    "use server";
    const raw = String(form.get("email") ?? "").trim();
    // One address, normalised as Auth.js mails it (a second `email` field counts as invalid).
    const email = form.getAll("email").length === 1 ? normalizeSignInEmail(raw) : undefined;
    // Back to the form with what was typed, so the user corrects it rather than retyping it.
    if (!email)
      redirect(
        `/signin?invalid=1&email=${encodeURIComponent(raw.slice(0, 200))}&callbackUrl=${encodeURIComponent(destination)}`,
      );
    try {
      await throttleSignIn(email, clientIp(await headers()));
    } catch (e) {
      if (e instanceof HttpError && e.code === "too_many_requests")
        redirect(`/signin?wait=${e.retryAfterSeconds ?? 60}&callbackUrl=${encodeURIComponent(destination)}`);
      throw e;
    }
    await signIn("nodemailer", { email, redirectTo: destination });
  }

  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Sign in to save and share</h1>
      <p className="mt-2 text-sm text-slate-600">
        We e-mail you a one-time sign-in link. No password to remember; a new e-mail address creates an account.
      </p>
      {error && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          That sign-in link did not work (it may have expired or been used). Ask for a new one.
        </p>
      )}
      {Number.isFinite(waitSeconds) && waitSeconds > 0 && (
        <p
          role="alert"
          className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="signin-throttled"
        >
          Too many sign-in e-mails were asked for. Try again in {Math.ceil(waitSeconds / 60)} minute
          {waitSeconds > 60 ? "s" : ""}; the last link sent still works.
        </p>
      )}
      <form
        action={emailSignIn}
        className="mt-6 space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Work e-mail
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={invalid ? typed : undefined}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? "email-error" : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500"
        />
        {invalid && (
          <p id="email-error" role="alert" className="text-sm font-medium text-red-700">
            Enter a valid e-mail address.
          </p>
        )}
        <button
          type="submit"
          className="w-full rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          E-mail me a sign-in link
        </button>
      </form>
      {outboxEnabled() && (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          No mail server is configured here: the sign-in link lands in the{" "}
          <Link href="/dev/outbox" className="font-semibold underline">
            local outbox
          </Link>
          .
        </p>
      )}
      {oauthProviders().map((p) => (
        <form
          key={p.id}
          action={async () => {
            "use server";
            await signIn(p.id, { redirectTo: destination });
          }}
          className="mt-3"
        >
          <button
            type="submit"
            className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-medium hover:bg-slate-50"
          >
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
