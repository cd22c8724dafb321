/**
 * Adopted objects (`adoptId`, `.get()`): Zoom does not return create-only inputs, so state has none, or the value
 * declared at adoption, which was never sent to Zoom. Neither is a reason to replace the object. No API call.
 */
import { dynamicProvider } from "../../provider";
import { ADOPTED_KEY } from "../../provider/framework/stateKeys";

const meeting = dynamicProvider("Meeting", 1);

/** A scheduled meeting as read by id alone: no create-only inputs (`scheduleFor`, `templateId`) in state. */
const imported = { topic: "Adopted", type: 2, startTime: "2030-03-01T09:30:00Z", userId: "me", notifyOnDelete: false, endBeforeDelete: true };
const declared = { topic: "Adopted", type: 2, startTime: "2030-03-01T09:30:00Z", userId: "me", scheduleFor: "a@example.com", templateId: "T1" };

test("an adopted object's unknown create-only inputs are not a difference", async () => {
  const result = await meeting.diff!("1", { ...imported, [ADOPTED_KEY]: true }, declared);
  expect(result).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, changedPaths: [] });
});

test("an adopted object's stored create-only input changes in state only: it was never sent to Zoom", async () => {
  const stored = { ...imported, [ADOPTED_KEY]: true, scheduleFor: "b@example.com", templateId: "T1" };
  expect(await meeting.diff!("1", stored, declared)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, changedPaths: ["scheduleFor"] });
});

test("a create-only input of an object we created is compared as usual", async () => {
  const stored = { ...imported, scheduleFor: "b@example.com", templateId: "T1" };
  expect((await meeting.diff!("1", stored, declared)).replaces).toEqual(["scheduleFor"]);
});

test("an object we created: a create-only input declared later replaces it", async () => {
  expect((await meeting.diff!("1", imported, declared)).replaces?.sort()).toEqual(["scheduleFor", "templateId"]);
});

test("live properties of an adopted object are compared as usual", async () => {
  const result = await meeting.diff!("1", { ...imported, [ADOPTED_KEY]: true }, { ...declared, topic: "Renamed" });
  expect(result).toMatchObject({ changes: true, replaces: [] });
});
