import Link from "next/link";
import { ExampleVerdict } from "@/components/landing/example-verdict";
import { assessmentInputSchema, evaluate, type Option } from "@/lib/engine";
import { OPTION_STYLE, optionLabel } from "@/lib/engine/vocabulary";
import exampleAnswers from "@/examples/high-volume-saas.json" with { type: "json" };

// Static page: the example verdict is the engine's result for a sample company, computed when the
// page is built (same engine, same catalog as the assessment).
const exampleInput = assessmentInputSchema.parse(exampleAnswers);
const example = evaluate(exampleInput);

const OPTIONS: { id: Option; tagline: string; body: string }[] = [
  {
    id: "api",
    tagline: "Rent a frontier model",
    body: "Call OpenAI, Anthropic or Google per token. Fastest to ship and the best quality, priced on every call and tied to someone else's roadmap.",
  },
  {
    id: "hosted-open",
    tagline: "Open model, someone else's GPUs",
    body: "Llama, Qwen, DeepSeek or gpt-oss at Together, Fireworks, Groq or DeepInfra. Usually far cheaper per token, and a clean path to owning it later.",
  },
  {
    id: "self-hosted",
    tagline: "Own the inference",
    body: "Open weights on GPUs you rent or buy. Data never leaves, latency is yours, and so are the idle GPUs, the on-call rota and the upgrades.",
  },
  {
    id: "hybrid",
    tagline: "Split the traffic",
    body: "Sensitive or steady base load in-house, frontier or bursty traffic to an API. What most mature teams end up running.",
  },
];

const STEPS = [
  {
    title: "Answer eight short questions",
    body: "Volume and growth, data sensitivity and regulations, team, latency, quality, customization, offline needs and strategy. About five minutes.",
  },
  {
    title: "See the verdict and the working",
    body: "Hard rules first (air-gapped, data that may not leave, latency below an API round trip), then weighted factors. Every reason in plain English.",
  },
  {
    title: "Check the money",
    body: "Month-by-month cost of all four options over your horizon, the break-even volume and month, and which assumption moves it most.",
  },
  {
    title: "Take it to the board",
    body: "Save projects, keep revisions, share a read-only link and export a PDF report stamped with the catalog version it used.",
  },
];

export default function LandingPage() {
  return (
    <>
      <section className="bg-gradient-to-b from-brand-900 to-[#132c66] text-white">
        <div className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 lg:grid-cols-[1.2fr_1fr] lg:py-24">
          <div>
            <p className="text-sm font-medium uppercase tracking-widest text-sky-300">
              For CTOs and heads of engineering
            </p>
            <h1 className="mt-4 text-4xl font-semibold leading-tight tracking-tight sm:text-5xl">
              Rent an LLM API, or own your inference?
            </h1>
            <p className="mt-6 max-w-xl text-lg text-slate-200">
              RentOrOwn turns your volume, data rules, team and latency needs into a recommendation you can defend: the
              verdict, the reasons, the conflicts, the total cost of ownership and the point where self-hosting pays
              off.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-4">
              <Link
                href="/assess"
                className="rounded-lg bg-white px-5 py-3 text-base font-semibold text-brand-900 shadow-sm hover:bg-sky-50"
              >
                Start the assessment
              </Link>
              <Link href="/catalog" className="text-sm font-medium text-sky-200 underline-offset-4 hover:underline">
                See every price and source we use →
              </Link>
            </div>
            <p className="mt-4 text-sm text-slate-300">No account needed. Save and share when you are ready.</p>
          </div>
          <ExampleVerdict input={exampleInput} evaluation={example} title="A SaaS product" />
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6" aria-labelledby="options-heading">
        <h2 id="options-heading" className="text-2xl font-semibold tracking-tight text-ink">
          Four ways to run a language model
        </h2>
        <p className="mt-2 max-w-2xl text-slate-600">
          The engine prices and scores all four for your situation, pricing each option with a model of the same quality
          tier.
        </p>
        <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {OPTIONS.map((o) => (
            <li key={o.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <span className={`h-1.5 w-10 rounded-full ${OPTION_STYLE[o.id].accent}`} aria-hidden="true" />
              <h3 className="mt-4 font-semibold text-ink">{optionLabel(o.id)}</h3>
              <p className="text-sm font-medium text-slate-500">{o.tagline}</p>
              <p className="mt-3 text-sm leading-relaxed text-slate-600">{o.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="border-y border-slate-200 bg-white" aria-labelledby="how-heading">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="how-heading" className="text-2xl font-semibold tracking-tight text-ink">
            How it works
          </h2>
          <ol className="mt-8 grid gap-8 md:grid-cols-4">
            {STEPS.map((s, i) => (
              <li key={s.title}>
                <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">
                  {i + 1}
                </span>
                <h3 className="mt-3 font-semibold text-ink">{s.title}</h3>
                <p className="mt-2 text-sm leading-relaxed text-slate-600">{s.body}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-16 text-center sm:px-6">
        <h2 className="text-2xl font-semibold tracking-tight text-ink">Transparent by design</h2>
        <p className="mx-auto mt-3 max-w-2xl text-slate-600">
          Every price, GPU rate, throughput figure and salary comes from a versioned catalog with its source and as-of
          date, and every one of them can be overridden with your own numbers. The engine is open to scripts too:{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm">POST /api/v1/evaluate</code>.
        </p>
        <Link
          href="/assess"
          className="mt-8 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Start the assessment
        </Link>
      </section>
    </>
  );
}
