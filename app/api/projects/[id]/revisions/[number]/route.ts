import { z } from "zod";
import { invalidInput } from "@/lib/server/http-errors";
import { getRevision } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

const paramsSchema = z.object({ id: z.string().min(1), number: z.coerce.number().int().positive() });

/** One saved revision exactly as stored: its input, the catalog it used and the evaluation computed then. */
export const GET = route({ auth: true }, async ({ params, user }) => {
  const p = paramsSchema.safeParse(params);
  if (!p.success) throw invalidInput(p.error);
  const r = await getRevision(user.id, p.data.id, p.data.number);
  return Response.json({
    revision: { number: r.number, createdAt: r.createdAt, catalogVersion: r.catalogVersion, recommendation: r.recommendation, input: r.input, evaluation: r.evaluation },
  });
});
