import { Questionnaire } from "@/components/assessment/questionnaire";

export const metadata = { title: "Assessment" };

export default async function AssessPage({ searchParams }: { searchParams: Promise<{ a?: string; project?: string; v?: string }> }) {
  const { a, project, v } = await searchParams;
  // Revising a saved project: its id and version travel to the result page's "Save as new revision".
  const carry = project && /^[\w-]+$/.test(project) && Number(v) > 0 ? `&project=${project}&v=${Number(v)}` : "";
  return <Questionnaire initialEncoded={a} carry={carry} />;
}
