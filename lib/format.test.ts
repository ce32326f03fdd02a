import { describe, expect, it } from "vitest";
import { decadeTicks, formatQuantity, formatSignificant, formatUsdCompact, optionInSentence } from "./format";

describe("display formats (issue 26 items 14, 16, 18)", () => {
  it("writes axis money compactly and log ticks in decades", () => {
    expect([100, 1_000, 2_500, 10_000, 1_000_000, 1_500_000_000].map(formatUsdCompact)).toEqual([
      "$100",
      "$1k",
      "$2.5k",
      "$10k",
      "$1M",
      "$1.5B",
    ]);
    expect(decadeTicks(2_464, 25_000)).toEqual([1_000, 10_000, 100_000]);
    expect(decadeTicks(0, 10)).toEqual([]);
  });

  it("agrees units with 1 and rounds table figures", () => {
    expect(formatQuantity(1, "engineer-months")).toBe("1 engineer-month");
    expect(formatQuantity(2, "engineer-months")).toBe("2 engineer-months");
    expect(formatQuantity(1, "engineer-months per retrain")).toBe("1 engineer-month per retrain");
    expect(formatQuantity(1, "USD/year")).toBe("1 USD/year");
    expect(formatSignificant(1.3400000001)).toBe("1.34");
    expect(formatSignificant(123_456)).toBe("123,000");
  });

  it("keeps the API's capitals inside a sentence", () => {
    expect(optionInSentence("Proprietary API", true)).toBe("the proprietary API");
    expect(optionInSentence("Hosted open-weights", false)).toBe("hosted open-weights");
  });
});
