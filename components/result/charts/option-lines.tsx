import { LabelList, Line } from "recharts";
import type { Option } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { OPTION_SHORT_LABELS, OPTION_STYLE } from "@/lib/engine/vocabulary";
import { COLLAPSED_COLOR } from "../hybrid-collapse";
import { EndLabel, endLabelText } from "./end-label";

/**
 * The four options' lines of a cost chart, each named at its right end. A hybrid with no split is that pure
 * option: greyed and thin, under the line it equals, and its end label says which option it is.
 * A function, not a component: recharts reads its <Line> children directly.
 */
export function optionLines({
  collapsed,
  lastIndex,
  ends,
  animate,
  curve,
}: {
  collapsed: Option | null | undefined;
  lastIndex: number;
  ends: Record<Option, number>;
  animate: boolean;
  curve?: Record<Option, "linear" | "stepAfter">;
}) {
  return OPTIONS.map((o) => {
    const greyed = o === "hybrid" && !!collapsed;
    const color = greyed ? COLLAPSED_COLOR : OPTION_STYLE[o].color;
    return (
      <Line
        key={o}
        dataKey={o}
        type={curve?.[o]}
        dot={false}
        stroke={color}
        strokeDasharray={OPTION_STYLE[o].dash}
        strokeWidth={greyed ? 1 : 2}
        isAnimationActive={animate}
      >
        <LabelList
          dataKey={o}
          content={(p) =>
            p.index === lastIndex ? (
              <EndLabel
                x={Number(p.x)}
                y={Number(p.y)}
                dy={ends[o]}
                color={color}
                text={endLabelText(OPTION_SHORT_LABELS[o], greyed && collapsed ? OPTION_SHORT_LABELS[collapsed] : null)}
              />
            ) : null
          }
        />
      </Line>
    );
  });
}
