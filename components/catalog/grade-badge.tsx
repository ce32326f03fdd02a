import type { Grade } from "@/lib/catalog/kinds";

// The evidence grade of a catalog figure, the same badge on /catalog, the assumptions panel and the PDF.

const GRADE_STYLE: Record<Grade, string> = {
  measured: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  derived: "bg-sky-50 text-sky-800 ring-sky-200",
  assumed: "bg-amber-50 text-amber-800 ring-amber-200",
};
const GRADE_TITLE: Record<Grade, string> = {
  measured: "Measured: a benchmark run or a published price list",
  derived: "Derived: computed from measured figures (see how under the source)",
  assumed: "Assumed: RentOrOwn policy or a practitioner's estimate; the range says how unsure",
};

export function GradeBadge({ grade }: { grade: Grade }) {
  return (
    <span
      title={GRADE_TITLE[grade]}
      data-grade={grade}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${GRADE_STYLE[grade]}`}
    >
      {grade}
    </span>
  );
}
