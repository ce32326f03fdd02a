"use client";

import { useState, type ReactNode } from "react";
import { parseNumberField, percentToShare, shareToPercent } from "@/lib/assessment/units";

// Accessible form controls: every control has a label, help text is linked with
// aria-describedby, and errors are announced and linked with aria-invalid.

export const fieldId = (path: string) => `field-${path.replace(/\./g, "-")}`;

function Help({ id, help, error }: { id: string; help?: ReactNode; error?: string }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="mt-1 text-sm text-slate-500">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, help?: ReactNode, error?: string) =>
  [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** What a number field puts in the draft: nothing for empty text, NaN for unreadable text (the schema then says "Enter a number", not "required"). */
const emitted = (text: string): number | undefined =>
  text.trim() === "" ? undefined : (parseNumberField(text) ?? Number.NaN);

export function NumberField(props: {
  path: string;
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  help?: ReactNode;
  error?: string;
  suffix?: string;
  step?: number;
  /** A count (requests, tokens): a fraction is refused as it is typed. */
  integer?: boolean;
}) {
  const id = fieldId(props.path);
  // The text as typed: letters or a fraction stay visible with a message instead of vanishing.
  const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "" : String(v));
  const [text, setText] = useState(() => shown(props.value));
  const [prev, setPrev] = useState(props.value);
  // A value set from outside (a preset, "Start over", a restored draft) replaces the text; our own echo does not.
  if (!Object.is(prev, props.value)) {
    setPrev(props.value);
    if (!Object.is(emitted(text), props.value)) setText(shown(props.value));
  }
  const integer = props.integer ?? props.step === 1;
  const typed = parseNumberField(text);
  const typing =
    text.trim() === ""
      ? undefined
      : typed === undefined
        ? "Enter a number"
        : integer && !Number.isInteger(typed)
          ? "Whole numbers only"
          : undefined;
  const error = props.error ?? typing;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={props.path}
          type="text"
          inputMode={integer ? "numeric" : "decimal"}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(emitted(e.target.value));
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, props.help, error)}
          className={`w-full max-w-xs rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-500 ${error ? "border-red-500" : "border-slate-300"}`}
        />
        {props.suffix && <span className="text-sm text-slate-500">{props.suffix}</span>}
      </div>
      <Help id={id} help={props.help} error={error} />
    </div>
  );
}

export function RadioCards<T extends string>(props: {
  path: string;
  legend: string;
  options: readonly { value: T; label: string; hint?: string }[];
  value: T | undefined;
  onChange: (v: T) => void;
  help?: ReactNode;
  error?: string;
  columns?: 2 | 3 | 4;
}) {
  const id = fieldId(props.path);
  const cols = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" }[props.columns ?? 2];
  return (
    <fieldset aria-describedby={describedBy(id, props.help, props.error)} aria-invalid={props.error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{props.legend}</legend>
      <div className={`mt-2 grid gap-2 ${cols}`}>
        {props.options.map((o, i) => {
          const checked = props.value === o.value;
          return (
            <label
              key={o.value}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
                checked ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"
              }`}
            >
              <input
                type="radio"
                id={i === 0 ? id : undefined}
                name={props.path}
                value={o.value}
                checked={checked}
                onChange={() => props.onChange(o.value)}
                className="mt-0.5 accent-brand-600"
              />
              <span>
                <span className="block font-medium text-slate-900">{o.label}</span>
                {o.hint && <span className="block text-slate-500">{o.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
      <Help id={id} help={props.help} error={props.error} />
    </fieldset>
  );
}

export function Checkbox(props: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  help?: ReactNode;
}) {
  const id = fieldId(props.path);
  return (
    <div>
      <label htmlFor={id} className="flex cursor-pointer items-start gap-3 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={props.help ? `${id}-help` : undefined}
          className="mt-0.5 h-4 w-4 accent-brand-600"
        />
        <span className="font-medium text-slate-800">{props.label}</span>
      </label>
      {props.help && (
        <p id={`${id}-help`} className="ml-7 mt-1 text-sm text-slate-500">
          {props.help}
        </p>
      )}
    </div>
  );
}

export function SelectField<T extends string>(props: {
  path: string;
  label: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (v: T) => void;
  help?: ReactNode;
}) {
  const id = fieldId(props.path);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        aria-describedby={props.help ? `${id}-help` : undefined}
        className="mt-1 w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} help={props.help} />
    </div>
  );
}

/** A 0–1 share the engine takes, entered as a percentage. */
export function PercentField(props: {
  path: string;
  label: string;
  value: number | undefined;
  onChange: (share: number | undefined) => void;
  help?: ReactNode;
  error?: string;
}) {
  return (
    <NumberField
      {...props}
      suffix="%"
      value={shareToPercent(props.value)}
      onChange={(pct) => props.onChange(pct === undefined ? undefined : percentToShare(pct))}
    />
  );
}

export function TextField(props: {
  path: string;
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  help?: ReactNode;
  error?: string;
  maxLength?: number;
}) {
  const id = fieldId(props.path);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={id}
        name={props.path}
        type="text"
        value={props.value ?? ""}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.help, props.error)}
        className={`mt-1 w-full max-w-xs rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-500 ${props.error ? "border-red-500" : "border-slate-300"}`}
      />
      <Help id={id} help={props.help} error={props.error} />
    </div>
  );
}
