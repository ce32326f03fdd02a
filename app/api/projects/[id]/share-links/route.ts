import { createShareLinkSchema, shareUrl } from "@/lib/share/schemas";
import { reportOrigin } from "@/lib/server/report";
import { createShareLink, listShareLinks } from "@/lib/server/share-links";
import { route } from "@/lib/server/route";

const DAY_MS = 86_400_000;

export const GET = route({ auth: true }, async ({ params, user }) => Response.json({ links: await listShareLinks(user.id, String(params.id)) }));

export const POST = route({ auth: true, body: createShareLinkSchema }, async ({ req, params, body, user }) => {
  const { token, link } = await createShareLink({
    ownerId: user.id,
    projectId: String(params.id),
    revisionId: body.revisionId,
    expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * DAY_MS) : null,
  });
  // The token is shown once, here; only its hash is stored.
  return Response.json({ link, url: shareUrl(process.env.AUTH_URL ?? reportOrigin(req), token) }, { status: 201 });
});
