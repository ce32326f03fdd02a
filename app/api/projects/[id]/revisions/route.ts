import { saveRevisionSchema } from "@/lib/projects/schemas";
import { listRevisions, saveRevision } from "@/lib/server/projects";
import { idParams, route } from "@/lib/server/route";

// Save a new revision; 409 when the project moved on since `expectedVersion` (another tab saved).
export const POST = route(
  { auth: true, params: idParams, body: saveRevisionSchema },
  async ({ params, body, user }) => {
    const { revision, version } = await saveRevision(user.id, params.id, body.input, body.expectedVersion);
    return Response.json(
      { revision: { number: revision.number, recommendation: revision.recommendation }, version },
      { status: 201 },
    );
  },
);

/** The revision history, newest first (number, verdict, catalog, date). */
export const GET = route({ auth: true, params: idParams }, async ({ params, user }) =>
  Response.json({ revisions: await listRevisions(user.id, params.id) }),
);
