/**
 * Every kind's test fixture (types.ts says what one holds), and the per-kind tables the suites use, derived from
 * them. The order is the order the suites run kinds in.
 */
import { h323Device } from "./h323Device";
import { internalNumber } from "./internalNumber";
import { meeting } from "./meeting";
import { meetingTemplate } from "./meetingTemplate";
import { sipTrunk } from "./sipTrunk";
import { trackingField } from "./trackingField";
import { tspAccount } from "./tspAccount";
import type { KindFixture } from "./types";

export type { ChaosDraw, ChaosFixture, DeclarationCase, Expectation, KindEnv, KindFixture, Props, ZoomView } from "./types";

export const KIND_FIXTURES: readonly KindFixture[] = [meeting, trackingField, h323Device, internalNumber, sipTrunk, tspAccount, meetingTemplate];

/** Every kind, in the fixtures' order. */
export const KINDS: readonly string[] = KIND_FIXTURES.map((fixture) => fixture.kind);

export function fixtureOf(kind: string): KindFixture {
  const found = KIND_FIXTURES.find((fixture) => fixture.kind === kind);
  if (!found) throw new Error(`no test fixture for kind ${kind} (tests/support/kinds/)`);
  return found;
}
