import { Questionnaire, type InitialAnswers } from "@/components/assessment/questionnaire";
import { formFacts } from "@/lib/assessment/form-facts";
import { decodeAnswers, decodePortfolio } from "@/lib/assessment/url-state";
import { catalog } from "@/lib/engine/catalog";

export const metadata = { title: "Assessment" };

export default async function AssessPage({
  searchParams,
}: {
  searchParams: Promise<{ a?: string; p?: string; project?: string; v?: string }>;
}) {
  const { a, p, project, v } = await searchParams;
  // Revising a saved project: its id and version travel to the result page's "Save as new revision".
  const carry = project && /^[\w-]+$/.test(project) && Number(v) > 0 ? `&project=${project}&v=${Number(v)}` : "";
  // `a` carries one assessment's answers, `p` a portfolio's: decoded here (zod stays on the server);
  // a damaged link falls back to this browser's saved progress, as before.
  const fromPortfolio = p ? decodePortfolio(p) : undefined;
  const fromLink = a ? decodeAnswers(a) : undefined;
  const initial: InitialAnswers | undefined = fromPortfolio?.ok
    ? { kind: "portfolio", input: fromPortfolio.input }
    : fromLink?.ok
      ? { kind: "assessment", input: fromLink.input }
      : undefined;
  // The catalog figures and GPU names the form shows, so the client does not load the catalog snapshot.
  return <Questionnaire initial={initial} facts={formFacts(catalog)} carry={carry} />;
}
