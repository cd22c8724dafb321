/** Logical names of imported objects: readable, unique per kind, stable, valid in URNs, zoom.yaml and config keys. */
import fc from "fast-check";
import { assignNames, kindSlug, secretConfigKey, slugify } from "../../provider/importer/names";

const LOGICAL_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

test.each([
  ["Daily stand-up", "daily-stand-up"],
  ["  All hands | Q&A  ", "all-hands-q-a"],
  ["Ünïcödé sync — åíøü", "unicode-sync-ai-u"],
  ["会议", ""],
  ["A very long meeting topic that goes on and on about quarterly planning matters", "a-very-long-meeting-topic-that-goes-on-and-on"],
])("slugify(%j) = %j", (text, slug) => {
  expect(slugify(text)).toBe(slug);
});

test("kind slugs", () => {
  expect(["Meeting", "H323Device", "TspAccount", "SipTrunk"].map(kindSlug)).toEqual(["meeting", "h323-device", "tsp-account", "sip-trunk"]);
});

test("unique labels name objects by label; shared labels add the id; no label or a leading digit adds the kind", () => {
  const names = assignNames([
    { kind: "Meeting", id: "85746065432", label: "Standup" },
    { kind: "Meeting", id: "85746065433", label: "standup!" },
    { kind: "Meeting", id: "85746065434", label: "Weekly review" },
    { kind: "TrackingField", id: "abc", label: "Standup" },
    { kind: "Meeting", id: "85746065435", label: "2024 review" },
    { kind: "TspAccount", id: "ada%40example.com/1" },
    { kind: "Meeting", id: "85746065436", label: "会议" },
  ]);
  expect(names).toEqual([
    "standup-85746065432",
    "standup-85746065433",
    "weekly-review",
    "standup",
    "meeting-2024-review",
    "tsp-account-ada-example-com-1",
    "meeting-85746065436",
  ]);
});

test("ids that differ only in characters a name cannot hold are numbered in id order", () => {
  expect(assignNames([
    { kind: "H323Device", id: "a_b", label: "Room" },
    { kind: "H323Device", id: "a.b", label: "Room" },
  ])).toEqual(["room-a-b-2", "room-a-b"]);
});

test("property: names are unique per kind, valid everywhere, and do not depend on listing order", () => {
  const object = fc.record({
    kind: fc.constantFrom("Meeting", "TrackingField", "H323Device"),
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    label: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.uniqueArray(object, { selector: (o) => `${o.kind}/${o.id}`, maxLength: 30 }), (objects) => {
      const names = assignNames(objects);
      for (const name of names) expect(name).toMatch(LOGICAL_NAME);
      const keyed = names.map((name, i) => `${objects[i]!.kind}:${name}`);
      expect(new Set(keyed).size).toBe(keyed.length);
      const reversed = assignNames([...objects].reverse()).reverse();
      expect(reversed).toEqual(names);
    }),
  );
});

test("secret config keys", () => {
  expect(secretConfigKey("tsp-account-ada-1", "leaderPin")).toBe("tsp-account-ada-1-leader-pin");
  expect(secretConfigKey("standup", "password")).toBe("standup-password");
});

test("a label that reads like another object's numbered name does not steal it", () => {
  const names = assignNames([
    { kind: "Meeting", id: "1", label: "Room" },
    { kind: "Meeting", id: "2", label: "Room" },
    { kind: "Meeting", id: "3", label: "Room 1" },
  ]);
  expect(new Set(names).size).toBe(3);
  expect(names.slice(0, 2)).toEqual(["room-1", "room-2"]);
  expect(names[2]).toBe("room-1-2");
});
