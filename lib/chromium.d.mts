export function findChromium(): string | undefined;
export function findPlaywrightChromium(): Promise<string | undefined>;
export const CHROMIUM_ARGS: string[];
export const NO_BROWSER_MESSAGE: string;
