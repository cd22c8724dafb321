/** The Markdown and terminal renderings of a fixed report: golden strings. */
import { renderMarkdown } from "../../provider/drift/render/markdown";
import { renderTable } from "../../provider/drift/render/table";
import { exitCodeOf, type DriftReport } from "../../provider/drift/report";

const urn = (kind: string, name: string) => `urn:pulumi:prod::acme-zoom::pulumi-nodejs:dynamic/zoom:${kind}::${name}`;

const report: DriftReport = {
  version: 1,
  stack: "prod",
  project: "acme-zoom",
  summary: { managed: 4, inSync: 1, drifted: 1, missing: 1, unmanaged: 2, ignored: 1, errors: 1, driftFound: true },
  managed: [
    { urn: urn("Meeting", "standup"), kind: "Meeting", name: "standup", id: "85746065432", status: "drifted", unverified: ["password"] },
    { urn: urn("TrackingField", "dept"), kind: "TrackingField", name: "dept", id: "Ab3d", status: "missing", unverified: [] },
    { urn: urn("H323Device", "lobby"), kind: "H323Device", name: "lobby", id: "Dv1", status: "in-sync", unverified: [] },
    { urn: urn("TspAccount", "bridge"), kind: "TspAccount", name: "bridge", id: "me/1", status: "error", unverified: [] },
  ],
  missing: [{ urn: urn("TrackingField", "dept"), kind: "TrackingField", name: "dept", id: "Ab3d" }],
  unmanaged: [
    { kind: "Meeting", id: "81234567890", name: "Q&A | all hands `live`", userId: "me" },
    { kind: "H323Device", id: "Dv2", name: "Board room" },
  ],
  ignored: [{ kind: "TrackingField", id: "Zz9", name: "Legacy", pattern: "TrackingField:Legacy*" }],
  differences: [
    { urn: urn("Meeting", "standup"), kind: "Meeting", name: "standup", id: "85746065432", path: "settings.waitingRoom", declared: true, live: false, secret: false },
    { urn: urn("Meeting", "standup"), kind: "Meeting", name: "standup", id: "85746065432", path: "topic", declared: "Standup", live: "Stand-up | daily", secret: false },
    { urn: urn("Meeting", "standup"), kind: "Meeting", name: "standup", id: "85746065432", path: "agenda", declared: "Plan", live: undefined, secret: false },
  ],
  errors: [{ urn: urn("TspAccount", "bridge"), kind: "TspAccount", message: "reading zoom:TspAccount \"bridge\": Zoom answered 400" }],
};

test("markdown", () => {
  expect(renderMarkdown(report)).toBe(
    [
      "## Zoom drift: drift found, and errors (the report may be incomplete)",
      "",
      "Stack `prod` (project `acme-zoom`): 4 managed: 1 in sync, 1 drifted, 1 deleted out of band; 2 unmanaged, 1 ignored, 1 error.",
      "",
      "### Drifted",
      "",
      "| Resource | Property | Declared | Live |",
      "| --- | --- | --- | --- |",
      "| `Meeting` standup (`85746065432`) | `settings.waitingRoom` | `true` | `false` |",
      '| `Meeting` standup (`85746065432`) | `topic` | `"Standup"` | `"Stand-up \\| daily"` |',
      '| `Meeting` standup (`85746065432`) | `agenda` | `"Plan"` | `(none)` |',
      "",
      "### Not compared (encrypted in the stack state)",
      "",
      "| Resource | Properties |",
      "| --- | --- |",
      "| `Meeting` standup (`85746065432`) | `password` |",
      "",
      "### Deleted out of band",
      "",
      "| Resource | Id |",
      "| --- | --- |",
      "| `TrackingField` dept | `Ab3d` |",
      "",
      "### Unmanaged (in Zoom, not in the stack)",
      "",
      "| Kind | Id | Name |",
      "| --- | --- | --- |",
      "| `Meeting` | `81234567890` | Q&amp;A \\| all hands \\`live\\` |",
      "| `H323Device` | `Dv2` | Board room |",
      "",
      "<details><summary>Ignored (1)</summary>",
      "",
      "| Kind | Id | Name | Pattern |",
      "| --- | --- | --- | --- |",
      "| `TrackingField` | `Zz9` | Legacy | `TrackingField:Legacy*` |",
      "",
      "</details>",
      "",
      "### Errors",
      "",
      '- `urn:pulumi:prod::acme-zoom::pulumi-nodejs:dynamic/zoom:TspAccount::bridge`: reading zoom:TspAccount "bridge": Zoom answered 400',
      "",
    ].join("\n"),
  );
});

test("terminal table without colour", () => {
  expect(renderTable(report, { color: false })).toBe(
    [
      "Zoom drift report for stack prod (project acme-zoom)",
      "",
      "  4 managed: 1 in sync, 1 drifted, 1 deleted out of band",
      "  2 unmanaged (1 more ignored)",
      "  1 error",
      "",
      "Drifted",
      "  RESOURCE         ID           PROPERTY              DECLARED   LIVE",
      "  Meeting standup  85746065432  settings.waitingRoom  true       false",
      '  Meeting standup  85746065432  topic                 "Standup"  "Stand-up | daily"',
      '  Meeting standup  85746065432  agenda                "Plan"     (none)',
      "",
      "Not compared (encrypted in the stack state)",
      "  RESOURCE         ID           PROPERTIES",
      "  Meeting standup  85746065432  password",
      "",
      "Deleted out of band",
      "  RESOURCE            ID",
      "  TrackingField dept  Ab3d",
      "",
      "Unmanaged (in Zoom, not in the stack)",
      "  KIND        ID           NAME",
      "  Meeting     81234567890  Q&A | all hands `live`",
      "  H323Device  Dv2          Board room",
      "",
      "Ignored",
      "  KIND           ID   NAME    PATTERN",
      "  TrackingField  Zz9  Legacy  TrackingField:Legacy*",
      "",
      "Errors",
      '  TspAccount bridge: reading zoom:TspAccount "bridge": Zoom answered 400',
      "",
      "Result: drift found, and errors (the report may be incomplete)",
      "",
    ].join("\n"),
  );
  expect(renderTable(report, { color: true })).toContain("\u001b[1mZoom drift report");
});

test("exit codes: errors win, then drift, else in sync", () => {
  expect(exitCodeOf(report)).toBe(1);
  expect(exitCodeOf({ ...report, summary: { ...report.summary, errors: 0 } })).toBe(2);
  expect(exitCodeOf({ ...report, summary: { ...report.summary, errors: 0, driftFound: false } })).toBe(0);
});
