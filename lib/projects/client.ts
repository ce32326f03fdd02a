import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { AssessmentInput, ParsedAssessmentInput } from "@/lib/engine";
import type { PortfolioInput } from "@/lib/engine/portfolio/schema";
import { apiFetch } from "@/lib/api-fetch";
import type { ProjectSummary } from "./schemas";

// The browser side of /api/projects: one place for cache keys, fetches and invalidation, so every
// component that shows projects stays consistent after a mutation.

export const projectKeys = {
  all: ["projects"] as const,
  list: (q: string, sort: "updated" | "name") => ["projects", "list", { q, sort }] as const,
  detail: (id: string) => ["projects", "detail", id] as const,
};

export function useProjectsList(q: string, sort: "updated" | "name") {
  return useQuery({
    queryKey: projectKeys.list(q, sort),
    queryFn: async () => {
      const params = new URLSearchParams({ ...(q ? { q } : {}), sort });
      return (await apiFetch<{ projects: ProjectSummary[] }>(`/api/projects?${params}`)).projects;
    },
  });
}

/** Rename with an optimistic update of every cached list; rolled back if the server refuses. */
export function useRenameProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<{ project: { id: string; name: string } }>(`/api/projects/${id}`, { method: "PATCH", body: { name } }),
    onMutate: async (name) => {
      await queryClient.cancelQueries({ queryKey: projectKeys.all });
      const previous = queryClient.getQueriesData<ProjectSummary[]>({ queryKey: projectKeys.all });
      queryClient.setQueriesData<ProjectSummary[]>({ queryKey: projectKeys.all }, (list) =>
        list?.map((p) => (p.id === id ? { ...p, name } : p)),
      );
      return { previous };
    },
    onError: (_error, _name, ctx) =>
      ctx?.previous.forEach(([key, data]: [QueryKey, unknown]) => queryClient.setQueryData(key, data)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useDuplicateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<{ project: { id: string; name: string } }>(`/api/projects/${id}/duplicate`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useDeleteProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/projects/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: projectKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

type SaveArgs = { input: AssessmentInput | ParsedAssessmentInput | PortfolioInput } & (
  { name: string } | { projectId: string; expectedVersion: number }
);

/**
 * Save an assessment: a new project (with a name) or a new revision of a project, naming the
 * version the edit started from so a stale tab gets a 409 instead of silently winning.
 * Resolves to the project id.
 */
export function useSaveAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (args: SaveArgs): Promise<string> => {
      if ("projectId" in args) {
        await apiFetch(`/api/projects/${args.projectId}/revisions`, {
          method: "POST",
          body: { input: args.input, expectedVersion: args.expectedVersion },
        });
        return args.projectId;
      }
      return (
        await apiFetch<{ project: { id: string } }>("/api/projects", {
          method: "POST",
          body: { name: args.name, input: args.input },
        })
      ).project.id;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** The project's current version, to save on top of it after a conflict (the user chose to). */
export async function fetchProjectVersion(id: string): Promise<number> {
  return (await apiFetch<{ project: { version: number } }>(`/api/projects/${id}`)).project.version;
}
