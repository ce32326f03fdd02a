import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One fresh database per integration run; test files share it (run serially) and clean up after themselves.
export default async function setup(project: TestProject) {
  const { name, url } = await createMigratedDatabase("rentorown_it");
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(name);
  };
}
