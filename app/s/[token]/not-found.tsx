import Link from "next/link";

export default function SharedLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <h1 className="text-2xl font-semibold text-ink">This shared link is not available</h1>
      <p className="mt-3 text-slate-600">
        It may have been revoked by its owner, it may have expired, or it was mistyped. Ask the person who sent it for a
        new link.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
      >
        About RentOrOwn
      </Link>
    </div>
  );
}
