import { createShareLinkSchema, shareUrl } from "@/lib/share/schemas";
import { publicOrigin } from "@/lib/server/env";
import { createShareLink, listShareLinks } from "@/lib/server/share-links";
import { idParams, route } from "@/lib/server/route";

const DAY_MS = 86_400_000;

export const GET = route({ auth: true, params: idParams }, async ({ params, user }) =>
  Response.json({ links: await listShareLinks(user.id, params.id) }),
);

export const POST = route(
  { auth: true, params: idParams, body: createShareLinkSchema },
  async ({ req, params, body, user }) => {
    const { token, link } = await createShareLink({
      ownerId: user.id,
      projectId: params.id,
      revisionId: body.revisionId,
      expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * DAY_MS) : null,
    });
    // The token is shown once, here; only its hash is stored. The URL is the public one (AUTH_URL),
    // never the internal origin Chromium uses.
    return Response.json({ link, url: shareUrl(publicOrigin(req), token) }, { status: 201 });
  },
);
