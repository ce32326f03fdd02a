export const metadata = { title: "Assessment" };

export default function AssessPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">The assessment</h1>
      <p className="mt-4 text-slate-600">Eight short steps about your workload, data, team and strategy.</p>
    </div>
  );
}
