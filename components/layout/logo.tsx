export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
        <rect width="32" height="32" rx="8" fill="#1f57d6" />
        <path
          d="M8 21 L14 11 L18 17 L24 9"
          stroke="white"
          strokeWidth="2.6"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="18" cy="17" r="2.2" fill="#7dd3fc" />
      </svg>
      <span>
        Rent<span className="text-brand-500">Or</span>Own
      </span>
    </span>
  );
}
