import { Questionnaire } from "@/components/assessment/questionnaire";

export const metadata = { title: "Assessment" };

export default async function AssessPage({ searchParams }: { searchParams: Promise<{ a?: string }> }) {
  const { a } = await searchParams;
  return <Questionnaire initialEncoded={a} />;
}
