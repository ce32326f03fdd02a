import { Questionnaire } from "@/components/assessment/questionnaire";

export const metadata = { title: "Assessment" };

export default async function AssessPage({ searchParams }: { searchParams: Promise<{ a?: string; p?: string; project?: string; v?: string }> }) {
  const { a, p, project, v } = await searchParams;
  // Revising a saved project: its id and version travel to the result page's "Save as new revision".
  const carry = project && /^[\w-]+$/.test(project) && Number(v) > 0 ? `&project=${project}&v=${Number(v)}` : "";
  // `a` carries one assessment's answers, `p` a portfolio's.
  return <Questionnaire initialEncoded={a} initialPortfolio={p} carry={carry} />;
}
