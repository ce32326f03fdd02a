import { renameProjectSchema } from "@/lib/projects/schemas";
import { deleteProject, getOwnedProject, latestRevision, listRevisions, renameProject } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

const id = (params: Record<string, unknown>) => String(params.id);

export const GET = route({ auth: true }, async ({ params, user }) => {
  const project = await getOwnedProject(user.id, id(params));
  const [revisions, latest] = await Promise.all([listRevisions(user.id, project.id), latestRevision(user.id, project.id)]);
  return Response.json({ project: { id: project.id, name: project.name, version: project.version, updatedAt: project.updatedAt }, revisions, latest });
});

export const PATCH = route({ auth: true, body: renameProjectSchema }, async ({ params, body, user }) => {
  const project = await renameProject(user.id, id(params), body.name);
  return Response.json({ project: { id: project.id, name: project.name, version: project.version } });
});

export const DELETE = route({ auth: true }, async ({ params, user }) => {
  await deleteProject(user.id, id(params));
  return new Response(null, { status: 204 });
});
