/** The end of the story: what the account holds after destroy, compared with before the first run. */
import { plural, say, table } from "./format";
import { compareInventories, countByKind, inventory, type ZoomObjectEntry } from "./inventory";
import { KEPT_BY_ZOOM } from "./objects";
import type { DemoAccount } from "./setup";

export async function showWhatZoomKept(before: readonly ZoomObjectEntry[], account: DemoAccount): Promise<void> {
  const { added, removed } = compareInventories(before, await inventory(account.portal, account.accounts));
  const left = Object.entries(countByKind(added));
  if (left.length === 0) {
    say("The Zoom account is exactly as it was before the first run.");
  } else {
    say("The Zoom account is as it was before the first run, except for what Zoom cannot delete:");
    say();
    table(
      ["LEFT IN ZOOM", "WHY"],
      left.map(([kind, count]) => {
        const known = KEPT_BY_ZOOM[kind];
        return [plural(count, known?.what ?? kind), known?.why ?? "unexpected: pulumi-zoom should have deleted it"];
      }),
    );
  }
  if (removed.length > 0) say(`Warning: ${plural(removed.length, "object")} that existed before the demo are gone.`);
}
