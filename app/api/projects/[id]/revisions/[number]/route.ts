import { getRevision } from "@/lib/server/projects";
import { revisionParams, route } from "@/lib/server/route";

/** One saved revision exactly as stored: its input, the catalog it used and the evaluation computed then. */
export const GET = route({ auth: true, params: revisionParams }, async ({ params, user }) => {
  const r = await getRevision(user.id, params.id, params.number);
  return Response.json({
    revision: {
      number: r.number,
      createdAt: r.createdAt,
      catalogVersion: r.catalogVersion,
      recommendation: r.recommendation,
      input: r.input,
      evaluation: r.evaluation,
    },
  });
});
