import { renameProjectSchema } from "@/lib/projects/schemas";
import { deleteProject, getOwnedProject, latestRevision, listRevisions, renameProject } from "@/lib/server/projects";
import { idParams, route } from "@/lib/server/route";

export const GET = route({ auth: true, params: idParams }, async ({ params, user }) => {
  const project = await getOwnedProject(user.id, params.id);
  const [revisions, latest] = await Promise.all([
    listRevisions(user.id, project.id),
    latestRevision(user.id, project.id),
  ]);
  return Response.json({
    project: { id: project.id, name: project.name, version: project.version, updatedAt: project.updatedAt },
    revisions,
    latest,
  });
});

export const PATCH = route(
  { auth: true, params: idParams, body: renameProjectSchema },
  async ({ params, body, user }) => {
    const project = await renameProject(user.id, params.id, body.name);
    return Response.json({ project: { id: project.id, name: project.name, version: project.version } });
  },
);

export const DELETE = route({ auth: true, params: idParams }, async ({ params, user }) => {
  await deleteProject(user.id, params.id);
  return new Response(null, { status: 204 });
});
