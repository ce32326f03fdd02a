import Link from "next/link";
import { ApiKeysPanel } from "@/components/account/api-keys-panel";
import { env } from "@/lib/server/env";
import { pageUser } from "@/lib/server/pages";

export const metadata = { title: "Account", robots: { index: false } };

export default async function AccountPage() {
  const user = await pageUser("/account");
  const { apiIp, apiKey } = { apiIp: env().RATE_LIMIT_API_IP, apiKey: env().RATE_LIMIT_API_KEY };
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">Account</h1>
      <p className="mt-2 text-slate-600">
        Signed in as <span className="font-medium text-slate-800">{user.email}</span>.
      </p>
      <div className="mt-8">
        <ApiKeysPanel
          anonymousLimit={`${apiIp.points} requests per ${apiIp.seconds} s per IP address`}
          keyLimit={`${apiKey.points} requests per ${apiKey.seconds} s per key`}
        />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        How to call the API:{" "}
        <Link href="/api-docs" className="text-blue-800 underline">
          API reference
        </Link>
        .
      </p>
    </div>
  );
}
