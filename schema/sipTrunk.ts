/**
 * zoom:SipTrunk inputs: one entry of Zoom's assign-SIP-trunks body (`POST /accounts/{accountId}/sip_trunk/trunks`),
 * in camelCase, plus the sub-account it is assigned to.
 */
import { z } from "zod";
import { zoomId } from "./common";

/** How many leading digits of a sub-account's DNIS must equal the master trunk's DNIS. */
export const DNIS_PREFIX_LENGTH = 5;

export const sipTrunkSchema = z
  .strictObject({
    accountId: zoomId("Sub-account id")
      .refine((value) => value !== "me", {
        error: "a SIP trunk is assigned to a sub-account; `me` is the master account, whose trunks Zoom configures",
      })
      .describe("The sub-account that gets the trunk. Required: Zoom assigns the master account's trunks to sub-accounts only. Changing it replaces the assignment."),
    trunkId: zoomId("SIP trunk id").describe(
      "Id of one of the master account's SIP trunks (List SIP trunks with `accountId` `me`). Changing it replaces the assignment.",
    ),
    dnis: z
      .string()
      .regex(/^\d{5,8}$/, {
        error: "expected 5 to 8 digits, the first five being the master trunk's DNIS prefix (e.g. 18888123 for a trunk whose DNIS is 1888812345)",
      })
      .describe(
        "The sub-account's DNIS: at most 8 digits, whose first five equal the first five of the master trunk's DNIS. Changing it replaces the assignment (Zoom has no update).",
      ),
    outboundCallerId: z
      .string()
      .min(1, { error: "must not be empty" })
      .max(32, { error: "at most 32 characters" })
      .optional()
      .describe("Outbound caller id for calls through this trunk (at most 32 characters). Changing it replaces the assignment."),
  })
  .describe("Assigns one of the master account's SIP Connected Audio trunks to a sub-account, with the sub-account's DNIS.");

export type SipTrunkArgs = z.input<typeof sipTrunkSchema>;
export type SipTrunkInputs = z.output<typeof sipTrunkSchema>;
